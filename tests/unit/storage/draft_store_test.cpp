// The drafts table: fields round-trip with repeated names, their order and any characters; reads and deletes are
// confined to the owner; the purge removes only old drafts. Ended sessions keep their owner and token.
#include <gtest/gtest.h>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::TempDatabase;

TEST(DraftStore, FieldsRoundTripWithRepeatsOrderAndAnyCharacters) {
  TempDatabase temp;
  const RecordId user = testing::InsertUser(temp.db(), "sam", Role::kManager);
  const std::vector<DraftField> fields{{"reasons", "education"},
                                       {"notes", "Line one\nLine \"two\" <b>&amp;</b> ü"},
                                       {"reasons", "health"},
                                       {"empty", ""}};
  RecordId id = 0;
  {
    auto uow = temp.db().BeginWrite();
    id = uow->Drafts().Insert(Draft{0, user, "/referrals", fields, 1000});
    uow->Commit();
  }
  auto uow = temp.db().BeginRead();
  auto draft = uow->Drafts().FindForUser(id, user);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->fields, fields);
  EXPECT_EQ(draft->path, "/referrals");
  EXPECT_EQ(draft->saved_at, 1000);
}

TEST(DraftStore, ReadsAndDeletesAreTheOwnersOnly) {
  TempDatabase temp;
  const RecordId sam = testing::InsertUser(temp.db(), "sam", Role::kManager);
  const RecordId alex = testing::InsertUser(temp.db(), "alex", Role::kManager);
  auto uow = temp.db().BeginWrite();
  const RecordId older = uow->Drafts().Insert(Draft{0, sam, "/families/1", {{"a", "1"}}, 1000});
  const RecordId newer = uow->Drafts().Insert(Draft{0, sam, "/families/2", {{"a", "2"}}, 2000});
  EXPECT_FALSE(uow->Drafts().FindForUser(older, alex));
  EXPECT_FALSE(uow->Drafts().DeleteForUser(older, alex));
  EXPECT_TRUE(uow->Drafts().ListForUser(alex).empty());
  EXPECT_EQ(uow->Drafts().CountForUser(sam), 2);
  auto list = uow->Drafts().ListForUser(sam);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, newer) << "newest first";
  EXPECT_TRUE(uow->Drafts().DeleteForUser(older, sam));
  EXPECT_EQ(uow->Drafts().CountForUser(sam), 1);
}

TEST(DraftStore, PurgeRemovesOnlyDraftsSavedBeforeTheCutoff) {
  TempDatabase temp;
  const RecordId sam = testing::InsertUser(temp.db(), "sam", Role::kManager);
  auto uow = temp.db().BeginWrite();
  uow->Drafts().Insert(Draft{0, sam, "/families/1", {{"a", "1"}}, 999});
  const RecordId kept = uow->Drafts().Insert(Draft{0, sam, "/families/1", {{"a", "2"}}, 1000});
  uow->Drafts().DeleteSavedBefore(1000);
  auto list = uow->Drafts().ListForUser(sam);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, kept);
}

TEST(SessionStore, AnEndedSessionKeepsItsOwnerAndTokenAndCanBeFoundByThem) {
  TempDatabase temp;
  const RecordId sam = testing::InsertUser(temp.db(), "sam", Role::kManager);
  const RecordId alex = testing::InsertUser(temp.db(), "alex", Role::kManager);
  auto uow = temp.db().BeginWrite();
  uow->Sessions().Insert(SessionRecord{"h1", sam, "token-1", 100, 200, 0});
  uow->Sessions().MarkEnded("h1", 5000);
  uow->Sessions().MarkEnded("h1", 6000);  // the first end stands
  auto found = uow->Sessions().Find("h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->ended_at, 5000);
  EXPECT_EQ(found->csrf_token, "token-1");
  EXPECT_TRUE(uow->Sessions().FindForUserByCsrf(sam, "token-1"));
  EXPECT_FALSE(uow->Sessions().FindForUserByCsrf(alex, "token-1"));
  EXPECT_FALSE(uow->Sessions().FindForUserByCsrf(sam, "token-2"));
}

}  // namespace
}  // namespace hearth
