// What happens during the intervention and around it: contacts, Team Around the Family meetings, plan reviews,
// and the family's statutory involvement. Lists are in the order things happened (a chronology).
#include "common/date.hpp"
#include "storage/sqlite/casework_rows.hpp"
#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertContact =
    "INSERT INTO contacts (episode_id, occurred_on, kind, worker_id, seen, note, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kInsertContactChild = "INSERT INTO contact_children (contact_id, person_id) VALUES (?1, ?2)";
constexpr std::string_view kListContacts =
    "SELECT id, episode_id, occurred_on, kind, COALESCE(worker_id, 0), seen, note, "
    "(SELECT group_concat(person_id) FROM contact_children WHERE contact_id = contacts.id) "
    "FROM contacts WHERE episode_id = ?1 ORDER BY occurred_on, id";

constexpr std::string_view kInsertTafMeeting =
    "INSERT INTO taf_meetings (episode_id, held_on, attendees, lead_professional, decisions, next_meeting_on, "
    "created_at, lead_practitioner_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kInsertTafAgency = "INSERT INTO taf_agencies (meeting_id, agency) VALUES (?1, ?2)";
constexpr std::string_view kListTafMeetings =
    "SELECT id, episode_id, held_on, attendees, lead_professional, decisions, next_meeting_on, "
    "(SELECT group_concat(agency) FROM taf_agencies WHERE meeting_id = taf_meetings.id), lead_practitioner_id "
    "FROM taf_meetings WHERE episode_id = ?1 ORDER BY held_on, id";

constexpr std::string_view kInsertReview =
    "INSERT INTO plan_reviews (episode_id, reviewed_on, next_steps, created_at) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kListReviews =
    "SELECT id, episode_id, reviewed_on, next_steps FROM plan_reviews WHERE episode_id = ?1 "
    "ORDER BY reviewed_on, id";

constexpr std::string_view kInsertStatutory =
    "INSERT INTO statutory_involvements (family_id, person_id, kind, started_on, ended_on, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kListStatutory =
    "SELECT id, family_id, COALESCE(person_id, 0), kind, started_on, ended_on FROM statutory_involvements "
    "WHERE family_id = ?1 ORDER BY started_on, id";
constexpr std::string_view kInsertPanelDecision =
    "INSERT INTO panel_decisions (episode_id, decided_on, outcome, team_id, worker_id, reasons, created_at, "
    "meeting_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kListPanelDecisions =
    "SELECT id, episode_id, decided_on, outcome, COALESCE(team_id, 0), COALESCE(worker_id, 0), reasons, meeting_id "
    "FROM panel_decisions WHERE episode_id = ?1 ORDER BY decided_on, id";
}  // namespace

RecordId SqliteCasework::InsertPanelDecision(const PanelDecision& d) {
  auto st = c_.Prepare(kInsertPanelDecision);
  st.Bind(1, d.episode_id).Bind(2, d.on.ToString()).Bind(3, ToString(d.outcome));
  BindId(st, 4, d.team_id);
  BindId(st, 5, d.worker_id);
  st.Bind(6, d.reasons).Bind(7, UtcTimestampNow());
  BindId(st, 8, d.meeting_id);
  st.Run();
  return c_.LastInsertId();
}

std::vector<PanelDecision> SqliteCasework::ListPanelDecisions(RecordId episode_id) {
  std::vector<PanelDecision> out;
  auto st = c_.Prepare(kListPanelDecisions);
  st.Bind(1, episode_id);
  while (st.Step()) {
    PanelDecision d;
    d.id = st.Int(0);
    d.episode_id = st.Int(1);
    d.on = ReadRequiredDate(st, 2);
    d.outcome = ParseEnum<PanelOutcome>(st.Text(3)).value_or(PanelOutcome::kAllocate);
    d.team_id = st.Int(4);
    d.worker_id = st.Int(5);
    d.reasons = st.Text(6);
    d.meeting_id = st.Int(7);  // NULL reads as 0
    out.push_back(std::move(d));
  }
  return out;
}

RecordId SqliteCasework::InsertContact(const Contact& contact) {
  auto st = c_.Prepare(kInsertContact);
  st.Bind(1, contact.episode_id).Bind(2, contact.on.ToString()).Bind(3, ToString(contact.kind));
  BindId(st, 4, contact.worker_id);
  st.Bind(5, contact.seen).Bind(6, contact.note).Bind(7, UtcTimestampNow());
  st.Run();
  const RecordId id = c_.LastInsertId();
  for (RecordId child : contact.children_seen) c_.Prepare(kInsertContactChild).Bind(1, id).Bind(2, child).Run();
  return id;
}

std::vector<Contact> SqliteCasework::ListContacts(RecordId episode_id) {
  std::vector<Contact> out;
  auto st = c_.Prepare(kListContacts);
  st.Bind(1, episode_id);
  while (st.Step()) {
    Contact c;
    c.id = st.Int(0);
    c.episode_id = st.Int(1);
    c.on = ReadRequiredDate(st, 2);
    c.kind = ParseEnum<ContactKind>(st.Text(3)).value_or(ContactKind::kOther);
    c.worker_id = st.Int(4);
    c.seen = st.Text(5);
    c.note = st.Text(6);
    c.children_seen = SplitIds(st.Text(7));
    out.push_back(std::move(c));
  }
  return out;
}

RecordId SqliteCasework::InsertTafMeeting(const TafMeeting& m) {
  auto st = c_.Prepare(kInsertTafMeeting);
  st.Bind(1, m.episode_id)
      .Bind(2, m.on.ToString())
      .Bind(3, m.attendees)
      .Bind(4, m.lead_professional)
      .Bind(5, m.decisions);
  BindDate(st, 6, m.next_meeting_on);
  st.Bind(7, UtcTimestampNow());
  BindId(st, 8, m.lead_practitioner_id);
  st.Run();
  const RecordId id = c_.LastInsertId();
  for (Agency a : m.agencies) c_.Prepare(kInsertTafAgency).Bind(1, id).Bind(2, ToString(a)).Run();
  return id;
}

std::vector<TafMeeting> SqliteCasework::ListTafMeetings(RecordId episode_id) {
  std::vector<TafMeeting> out;
  auto st = c_.Prepare(kListTafMeetings);
  st.Bind(1, episode_id);
  while (st.Step()) {
    TafMeeting m;
    m.id = st.Int(0);
    m.episode_id = st.Int(1);
    m.on = ReadRequiredDate(st, 2);
    m.attendees = st.Text(3);
    m.lead_professional = st.Text(4);
    m.decisions = st.Text(5);
    m.next_meeting_on = ReadDate(st, 6);
    m.agencies = SplitAgencies(st.Text(7));
    m.lead_practitioner_id = st.Int(8);
    out.push_back(std::move(m));
  }
  return out;
}

RecordId SqliteCasework::InsertReview(const PlanReview& r) {
  c_.Prepare(kInsertReview)
      .Bind(1, r.episode_id)
      .Bind(2, r.on.ToString())
      .Bind(3, r.next_steps)
      .Bind(4, UtcTimestampNow())
      .Run();
  return c_.LastInsertId();
}

std::vector<PlanReview> SqliteCasework::ListReviews(RecordId episode_id) {
  std::vector<PlanReview> out;
  auto st = c_.Prepare(kListReviews);
  st.Bind(1, episode_id);
  while (st.Step()) out.push_back({st.Int(0), st.Int(1), ReadRequiredDate(st, 2), st.Text(3)});
  return out;
}

RecordId SqliteCasework::InsertStatutory(const StatutoryInvolvement& s) {
  auto st = c_.Prepare(kInsertStatutory);
  st.Bind(1, s.family_id);
  BindId(st, 2, s.person_id);
  st.Bind(3, ToString(s.kind)).Bind(4, s.started_on.ToString());
  BindDate(st, 5, s.ended_on);
  st.Bind(6, UtcTimestampNow());
  st.Run();
  return c_.LastInsertId();
}

std::vector<StatutoryInvolvement> SqliteCasework::ListStatutory(RecordId family_id) {
  std::vector<StatutoryInvolvement> out;
  auto st = c_.Prepare(kListStatutory);
  st.Bind(1, family_id);
  while (st.Step()) {
    StatutoryInvolvement s;
    s.id = st.Int(0);
    s.family_id = st.Int(1);
    s.person_id = st.Int(2);
    s.kind = ParseEnum<StatutoryKind>(st.Text(3)).value_or(StatutoryKind::kChildInNeed);
    s.started_on = ReadRequiredDate(st, 4);
    s.ended_on = ReadDate(st, 5);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace hearth::sqlite
