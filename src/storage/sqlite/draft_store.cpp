#include <boost/json.hpp>

#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertDraft =
    "INSERT INTO drafts (user_id, path, fields, saved_at) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kSelectUserDrafts =
    "SELECT id, user_id, path, fields, saved_at FROM drafts WHERE user_id = ?1 ORDER BY saved_at DESC, id DESC";
constexpr std::string_view kCountUserDrafts = "SELECT COUNT(*) FROM drafts WHERE user_id = ?1";
constexpr std::string_view kSelectUserDraft =
    "SELECT id, user_id, path, fields, saved_at FROM drafts WHERE id = ?1 AND user_id = ?2";
constexpr std::string_view kDeleteUserDraft = "DELETE FROM drafts WHERE id = ?1 AND user_id = ?2";
constexpr std::string_view kDeleteOldDrafts = "DELETE FROM drafts WHERE saved_at < ?1";

// [[name, value], ...]: an array of pairs rather than an object, because a form may repeat a name.
std::string EncodeFields(const std::vector<DraftField>& fields) {
  boost::json::array out;
  out.reserve(fields.size());
  for (const auto& [name, value] : fields) out.push_back(boost::json::array{name.c_str(), value.c_str()});
  return boost::json::serialize(out);
}

std::vector<DraftField> DecodeFields(const std::string& text) {
  std::vector<DraftField> out;
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(text, ec);
  // Only this file writes the column; anything unreadable is a damaged row, shown as a draft with no fields.
  if (ec || !parsed.is_array()) return out;
  for (const auto& item : parsed.get_array()) {
    const auto* pair = item.if_array();
    if (pair == nullptr || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string()) continue;
    out.emplace_back(std::string((*pair)[0].get_string()), std::string((*pair)[1].get_string()));
  }
  return out;
}

Draft DraftFrom(const Statement& st) {
  return Draft{st.Int(0), st.Int(1), st.Text(2), DecodeFields(st.Text(3)), st.Int(4)};
}
}  // namespace

RecordId SqliteDrafts::Insert(const Draft& draft) {
  c_.Prepare(kInsertDraft)
      .Bind(1, draft.user_id)
      .Bind(2, draft.path)
      .Bind(3, EncodeFields(draft.fields))
      .Bind(4, static_cast<std::int64_t>(draft.saved_at))
      .Run();
  return c_.LastInsertId();
}

std::vector<Draft> SqliteDrafts::ListForUser(RecordId user_id) {
  auto st = c_.Prepare(kSelectUserDrafts);
  st.Bind(1, user_id);
  std::vector<Draft> out;
  while (st.Step()) out.push_back(DraftFrom(st));
  return out;
}

int SqliteDrafts::CountForUser(RecordId user_id) {
  auto st = c_.Prepare(kCountUserDrafts);
  st.Bind(1, user_id);
  st.Step();
  return static_cast<int>(st.Int(0));
}

std::optional<Draft> SqliteDrafts::FindForUser(RecordId draft_id, RecordId user_id) {
  auto st = c_.Prepare(kSelectUserDraft);
  st.Bind(1, draft_id).Bind(2, user_id);
  if (!st.Step()) return std::nullopt;
  return DraftFrom(st);
}

bool SqliteDrafts::DeleteForUser(RecordId draft_id, RecordId user_id) {
  c_.Prepare(kDeleteUserDraft).Bind(1, draft_id).Bind(2, user_id).Run();
  return c_.Changes() == 1;
}

void SqliteDrafts::DeleteSavedBefore(long long cutoff) {
  c_.Prepare(kDeleteOldDrafts).Bind(1, static_cast<std::int64_t>(cutoff)).Run();
}

}  // namespace hearth::sqlite
