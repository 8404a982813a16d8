#include "common/date.hpp"
#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertReferral =
    "INSERT INTO referrals (family_id, received_on, source, reasons, consent_given, consent_given_by, "
    "consent_given_on, decision, rationale, recorded_by, version, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11)";
constexpr std::string_view kInsertShareAgency =
    "INSERT INTO referral_share_agencies (referral_id, agency) VALUES (?1, ?2)";
constexpr std::string_view kReferralColumns =
    "SELECT id, family_id, received_on, source, reasons, consent_given, consent_given_by, consent_given_on, "
    "decision, rationale, COALESCE(recorded_by, 0), version, "
    "(SELECT group_concat(agency) FROM referral_share_agencies WHERE referral_id = referrals.id) FROM referrals ";
const std::string kSelectReferral = std::string(kReferralColumns) + "WHERE id = ?1";
const std::string kListReferrals =
    std::string(kReferralColumns) + "WHERE family_id = ?1 ORDER BY received_on DESC, id DESC";
const std::string kInsertEpisode = "INSERT INTO episodes (family_id, referral_id, opened_on, created_at, version, " +
                                   std::string(kEpisodeStageFieldNames) + ") VALUES (?1, ?2, ?3, ?4, 1, " +
                                   NumberedParameters(5, kEpisodeStageFieldCount) + ")";
const std::string kListEpisodes = "SELECT " + std::string(kEpisodeColumns) +
                                  " FROM episodes e WHERE e.family_id = ?1 ORDER BY e.opened_on DESC, e.id DESC";
constexpr std::string_view kInsertAssignment =
    "INSERT INTO episode_assignments (episode_id, user_id, role, from_on) VALUES (?1, ?2, ?3, ?4)";

template <class E>
std::string JoinNames(const std::vector<E>& values) {
  std::string out;
  for (E v : values) {
    if (!out.empty()) out += ',';
    out += ToString(v);
  }
  return out;
}

template <class E>
std::vector<E> SplitNames(const std::string& text) {
  std::vector<E> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (auto v = ParseEnum<E>(std::string_view(text).substr(start, end - start))) out.push_back(*v);
    start = end + 1;
  }
  return out;
}

Referral ReadReferral(const Statement& st) {
  Referral r;
  r.id = st.Int(0);
  r.family_id = st.Int(1);
  r.received_on = Date::Parse(st.Text(2)).value_or(Date{});
  r.source = ParseEnum<ReferralSource>(st.Text(3)).value_or(ReferralSource::kOther);
  r.reasons = SplitNames<OutcomeArea>(st.Text(4));
  if (auto given = st.OptionalInt(5)) r.consent.given = *given != 0;
  r.consent.given_by = st.Text(6);
  if (auto on = st.OptionalText(7)) r.consent.given_on = Date::Parse(*on);
  r.decision = ParseEnum<ReferralDecision>(st.Text(8)).value_or(ReferralDecision::kNoFurtherAction);
  r.rationale = st.Text(9);
  r.recorded_by = st.Int(10);
  r.version = static_cast<int>(st.Int(11));
  r.consent.share_with = SplitNames<Agency>(st.Text(12));
  return r;
}
}  // namespace

RecordId SqliteReferrals::Insert(const Referral& r) {
  auto st = c_.Prepare(kInsertReferral);
  st.Bind(1, r.family_id)
      .Bind(2, r.received_on.ToString())
      .Bind(3, ToString(r.source))
      .Bind(4, JoinNames(r.reasons));
  if (r.consent.given)
    st.Bind(5, *r.consent.given ? 1 : 0);
  else
    st.BindNull(5);
  st.Bind(6, r.consent.given_by);
  if (r.consent.given_on)
    st.Bind(7, r.consent.given_on->ToString());
  else
    st.BindNull(7);
  st.Bind(8, ToString(r.decision)).Bind(9, r.rationale);
  if (r.recorded_by != 0)
    st.Bind(10, r.recorded_by);
  else
    st.BindNull(10);
  st.Bind(11, UtcTimestampNow());
  st.Run();
  const RecordId id = c_.LastInsertId();
  for (Agency a : r.consent.share_with) c_.Prepare(kInsertShareAgency).Bind(1, id).Bind(2, ToString(a)).Run();
  return id;
}

std::optional<Referral> SqliteReferrals::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectReferral);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadReferral(st);
}

std::vector<Referral> SqliteReferrals::ListForFamily(RecordId family_id) {
  std::vector<Referral> out;
  auto st = c_.Prepare(kListReferrals);
  st.Bind(1, family_id);
  while (st.Step()) out.push_back(ReadReferral(st));
  return out;
}

RecordId SqliteReferrals::InsertEpisode(const Episode& e) {
  auto st = c_.Prepare(kInsertEpisode);
  st.Bind(1, e.family_id).Bind(2, e.referral_id).Bind(3, e.opened_on.ToString()).Bind(4, UtcTimestampNow());
  BindEpisodeStageFields(st, e, 5);
  st.Run();
  return c_.LastInsertId();
}

std::vector<Episode> SqliteReferrals::ListEpisodes(RecordId family_id) {
  std::vector<Episode> out;
  auto st = c_.Prepare(kListEpisodes);
  st.Bind(1, family_id);
  while (st.Step()) out.push_back(ReadEpisode(st));
  return out;
}

void SqliteReferrals::InsertAssignment(RecordId episode_id, RecordId user_id, Role role, const Date& from) {
  c_.Prepare(kInsertAssignment).Bind(1, episode_id).Bind(2, user_id).Bind(3, ToString(role)).Bind(4, from.ToString()).Run();
}

}  // namespace hearth::sqlite
