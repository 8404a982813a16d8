// Loads the service history for the report: one query per table, only the columns the report reads, rows straight
// into vectors. Records that belong to an episode are tied to it by its position in the episode vector, found
// through a table indexed by row id (row ids are dense), so nothing is looked up by text.
// Workers and families are only grouped on, never shown, so their row ids (as text) serve as their ids; teams and
// services are shown, so they are named by their interchange ids (external_id).
// Every query but the episodes' reads a covering index of migration 0010 (named with INDEXED BY, so the plan cannot
// drift to the table): the load touches only those narrow indexes, and over a period only the period's stretch.
#include <algorithm>
#include <cstdint>
#include <future>
#include <limits>
#include <string>

#include "storage/sqlite/repositories.hpp"
#include "storage/sqlite/report_rows.hpp"
#include "storage/sqlite/shared_snapshot.hpp"

namespace hearth::sqlite {
namespace {

using namespace report_rows;  // NOLINT: the load is written in terms of its row readers

// The same id expressions as the report's (kSelectEpisodes, kSelectActions).
constexpr std::string_view kSelectTeamNames = "SELECT COALESCE(external_id, CAST(id AS TEXT)), name FROM teams";
constexpr std::string_view kSelectServiceNames = "SELECT COALESCE(external_id, CAST(id AS TEXT)), name FROM services";
constexpr std::string_view kSelectReferrals =
    "SELECT id, received_on, source FROM referrals INDEXED BY referrals_report";
// Teams and services are few: their ids are read once into a table by row, instead of joined to every row that names
// one (the joins were a b-tree search per episode and per action). Referrals are read in full anyway.
constexpr std::string_view kSelectTeamIds = "SELECT id, COALESCE(external_id, CAST(id AS TEXT)) FROM teams";
constexpr std::string_view kSelectServiceIds = "SELECT id, COALESCE(external_id, CAST(id AS TEXT)) FROM services";
constexpr std::string_view kSelectEpisodes =
    "SELECT id, external_id, family_id, referral_id, opened_on, allocated_assessment_on, ea_officer_id, "
    "assessment_completed_on, brokerage_started_on, br_officer_id, plan_completed_on, panel_on, "
    "intervention_started_on, team_id, review_started_on, closed_on, closure_reason FROM episodes";
constexpr std::string_view kSelectAssignments =
    "SELECT episode_id, user_id, role FROM episode_assignments INDEXED BY episode_assignments_report";
// Both appraisal figures need requested_on <= TO (completed_on is never before requested_on).
constexpr std::string_view kSelectAppraisals =
    "SELECT kind, requested_on, completed_on, episode_id FROM appraisals INDEXED BY appraisals_report "
    "WHERE requested_on <= ?1";
constexpr std::string_view kSelectActions =
    "SELECT episode_id, service_id, status FROM actions INDEXED BY actions_report";
// Contacts count only when made in P.
constexpr std::string_view kSelectContacts =
    "SELECT episode_id, occurred_on FROM contacts INDEXED BY contacts_report WHERE occurred_on BETWEEN ?1 AND ?2";
constexpr std::string_view kSelectStatutory = "SELECT family_id, started_on FROM statutory_involvements";
constexpr std::string_view kSelectAssessments =
    "SELECT episode_id, external_id, instrument, stage, assessed_on, environment, adversity, resilience, "
    "vulnerability FROM resilience_assessments INDEXED BY resilience_assessments_report WHERE status = 'final'";
constexpr std::string_view kSelectAces =
    "SELECT episode_id, ace, identified_on, improved FROM aces INDEXED BY aces_report WHERE status = 'final'";
// Feedback and audits count only in P; oversight in P or in the 28 days up to TO. Each of these queries reads
// one covering index of migration 0010 (its columns, final records first, then the date), so a period reads only
// its own stretch of the index and never the rows themselves.
constexpr std::string_view kSelectFeedback =
    "SELECT form, given_on, satisfaction, episode_id FROM feedback INDEXED BY feedback_report "
    "WHERE status = 'final' AND given_on BETWEEN ?1 AND ?2";
constexpr std::string_view kSelectOversight =
    "SELECT episode_id, recorded_on, considered_plan_effectiveness FROM oversight_records "
    "INDEXED BY oversight_records_report WHERE status = 'final' AND recorded_on BETWEEN ?1 AND ?2";
constexpr std::string_view kSelectAudits =
    "SELECT audited_on, grade, shared_with_worker, episode_id FROM quality_audits INDEXED BY quality_audits_report "
    "WHERE status = 'final' AND audited_on BETWEEN ?1 AND ?2";

constexpr std::string_view kMapDatabase = "PRAGMA mmap_size = 4294967296";  // up to 4 GiB of the file
constexpr std::string_view kUnmapDatabase = "PRAGMA mmap_size = 0";

// The largest row id of a table: at least its number of rows, found in the b-tree without a scan, so that the
// big vectors are sized once instead of growing (and moving their strings) a dozen times.
constexpr std::string_view kMaxEpisodeRow = "SELECT COALESCE(max(id), 0) FROM episodes";
constexpr std::string_view kMaxReferralRow = "SELECT COALESCE(max(id), 0) FROM referrals";
constexpr std::string_view kMaxActionRow = "SELECT COALESCE(max(id), 0) FROM actions";
constexpr std::string_view kMaxAssignmentRow = "SELECT COALESCE(max(id), 0) FROM episode_assignments";
constexpr std::string_view kMaxAssessmentRow = "SELECT COALESCE(max(id), 0) FROM resilience_assessments";
constexpr std::string_view kMaxAceRow = "SELECT COALESCE(max(id), 0) FROM aces";
// Tables narrowed to the period are sized for all their rows: reserved memory the period does not fill is never
// touched, so it costs no page, while growing by doubling copied the contacts (2.3 million for ten years) a dozen
// times over.
constexpr std::string_view kMaxContactRow = "SELECT COALESCE(max(id), 0) FROM contacts";
constexpr std::string_view kMaxOversightRow = "SELECT COALESCE(max(id), 0) FROM oversight_records";
constexpr std::string_view kMaxAppraisalRow = "SELECT COALESCE(max(id), 0) FROM appraisals";

void LoadReferrals(Connection& c, ServiceHistory& h, PositionByRow& referral_index) {
  ReserveInHugePages(h.referrals, MaxRow(c, kMaxReferralRow));
  for (Statement s = c.Prepare(kSelectReferrals); s.Step();) {
    referral_index.Add(s.Int(0), static_cast<EpisodeIndex>(h.referrals.size()));
    h.referrals.push_back({DateAt(s, 1), EnumAt<ReferralSource>(s, 2)});
  }
}

void LoadEpisodes(Connection& c, ServiceHistory& h, const PositionByRow& referral_index, PositionByRow& index) {
  ReserveInHugePages(h.episodes, MaxRow(c, kMaxEpisodeRow));
  const IdsByRow teams(c, kSelectTeamIds);
  Statement s = c.Prepare(kSelectEpisodes);
  while (s.Step()) {
    EpisodeFacts e;
    e.id = s.Text(1);
    e.family = IdAt(s, 2);
    const auto& referral = h.referrals[referral_index.At(s.Int(3))];
    e.received_on = referral.received_on;
    e.source = referral.source;
    e.opened_on = DateAt(s, 4);
    e.allocated_assessment_on = OptionalDateAt(s, 5);
    e.ea_officer = IdAt(s, 6);
    e.assessment_completed_on = OptionalDateAt(s, 7);
    e.brokerage_started_on = OptionalDateAt(s, 8);
    e.br_officer = IdAt(s, 9);
    e.plan_completed_on = OptionalDateAt(s, 10);
    e.panel_on = OptionalDateAt(s, 11);
    e.intervention_started_on = OptionalDateAt(s, 12);
    if (!s.IsNull(13)) e.team = teams.At(s.Int(13));
    e.review_started_on = OptionalDateAt(s, 14);
    e.closed_on = OptionalDateAt(s, 15);
    if (!s.IsNull(16)) e.closure_reason = EnumAt<ClosureReason>(s, 16);
    index.Add(s.Int(0), static_cast<EpisodeIndex>(h.episodes.size()));
    h.episodes.push_back(std::move(e));
  }
}

// The tables read on the same connection as the episodes, after them: assignments, appraisals, feedback, audits.
void LoadBesideEpisodes(Connection& c, const PositionByRow& index, Date from, Date to, ServiceHistory& h) {
  const std::string from_text = from.ToString(), to_text = to.ToString();
  ReserveInHugePages(h.assignments, MaxRow(c, kMaxAssignmentRow));
  ReserveInHugePages(h.appraisals, MaxRow(c, kMaxAppraisalRow));
  for (Statement s = c.Prepare(kSelectAssignments); s.Step();)
    h.assignments.push_back({index.At(s.Int(0)), IdAt(s, 1), EnumAt<Role>(s, 2)});
  {
    Statement s = c.Prepare(kSelectAppraisals);
    s.Bind(1, to_text);
    while (s.Step())
      h.appraisals.push_back({EnumAt<Agency>(s, 0), DateAt(s, 1), OptionalDateAt(s, 2), index.At(s.Int(3))});
  }
  {
    Statement s = c.Prepare(kSelectFeedback);
    s.Bind(1, from_text).Bind(2, to_text);
    while (s.Step()) {
      std::optional<Satisfaction> satisfaction;
      if (!s.IsNull(2)) satisfaction = EnumAt<Satisfaction>(s, 2);
      h.feedback.push_back({EnumAt<FeedbackForm>(s, 0), DateAt(s, 1), satisfaction, index.At(s.Int(3))});
    }
  }
  {
    Statement s = c.Prepare(kSelectAudits);
    s.Bind(1, from_text).Bind(2, to_text);
    while (s.Step()) h.audits.push_back({DateAt(s, 0), EnumAt<AuditGrade>(s, 1), s.Int(2) != 0, index.At(s.Int(3))});
  }
}

// The tables that can be read on a second connection while the episodes are read: actions, contacts, statutory
// involvements, assessments, ACEs, oversight. About half of the load's work over ten years (the other half being
// episodes, assignments, appraisals). `Refs` is PositionByRow when the episodes are already loaded, RowIdForNow
// on the helper thread.
template <class Refs>
void LoadApartFromEpisodes(Connection& c, const Refs& index, Date from, Date to, ServiceHistory& h) {
  const std::string from_text = from.ToString(), to_text = to.ToString();
  ReserveInHugePages(h.actions, MaxRow(c, kMaxActionRow));
  ReserveInHugePages(h.contacts, MaxRow(c, kMaxContactRow));
  ReserveInHugePages(h.assessments, MaxRow(c, kMaxAssessmentRow));
  ReserveInHugePages(h.aces, MaxRow(c, kMaxAceRow));
  ReserveInHugePages(h.oversight, MaxRow(c, kMaxOversightRow));
  const IdsByRow services(c, kSelectServiceIds);
  for (Statement s = c.Prepare(kSelectActions); s.Step();) {
    std::optional<std::string> service;
    if (!s.IsNull(1)) service = services.At(s.Int(1));
    h.actions.push_back({index.At(s.Int(0)), std::move(service), EnumAt<ActionStatus>(s, 2)});
  }
  {
    Statement s = c.Prepare(kSelectContacts);
    s.Bind(1, from_text).Bind(2, to_text);
    while (s.Step()) h.contacts.push_back({index.At(s.Int(0)), DateAt(s, 1)});
  }
  for (Statement s = c.Prepare(kSelectStatutory); s.Step();) h.statutory.push_back({IdAt(s, 0), DateAt(s, 1)});
  for (Statement s = c.Prepare(kSelectAssessments); s.Step();) {
    AssessmentFacts a;
    a.episode = index.At(s.Int(0));
    a.id = s.Text(1);
    a.instrument = EnumAt<AssessmentInstrument>(s, 2);
    a.stage = EnumAt<AssessmentStage>(s, 3);
    a.on = DateAt(s, 4);
    for (int d = 0; d < 4; ++d) a.scores[static_cast<std::size_t>(d)] = static_cast<int>(s.Int(5 + d));
    h.assessments.push_back(std::move(a));
  }
  for (Statement s = c.Prepare(kSelectAces); s.Step();) {
    std::optional<bool> improved;
    if (!s.IsNull(3)) improved = s.Int(3) != 0;
    h.aces.push_back({index.At(s.Int(0)), EnumAt<AceType>(s, 1), DateAt(s, 2), improved});
  }
  {
    const Date recent_from = std::min(from, to.AddDays(-27));
    Statement s = c.Prepare(kSelectOversight);
    s.Bind(1, recent_from.ToString()).Bind(2, to_text);
    while (s.Step()) h.oversight.push_back({index.At(s.Int(0)), DateAt(s, 1), s.Int(2) != 0});
  }
}

template <class Facts>
void RowIdsToPositions(std::vector<Facts>& records, const PositionByRow& index) {
  for (auto& r : records) r.episode = index.At(r.episode);
}

// The load reads most of the database once. Through memory-mapped pages SQLite reads them in place; through the
// ordinary page cache (16 MiB) every page is copied in by a read() and evicted again. Only for this load: the
// setting goes back to SQLite's default (no mapping) when it ends, also when it fails.
class MappedForTheLoad {
 public:
  explicit MappedForTheLoad(Connection& c) : c_(c) { c_.Execute(kMapDatabase); }
  ~MappedForTheLoad() {
    try {
      c_.Execute(kUnmapDatabase);
    } catch (const StorageError&) {  // the connection stays usable without the mapping turned off
    }
  }
  MappedForTheLoad(const MappedForTheLoad&) = delete;
  MappedForTheLoad& operator=(const MappedForTheLoad&) = delete;

 private:
  Connection& c_;
};

// A connection from the pool for the length of the load, handed back without a transaction (or dropped when it
// cannot be rolled back: a pooled connection must start clean).
class Borrowed {
 public:
  explicit Borrowed(ConnectionSource& pool) : pool_(pool), c_(pool.Borrow()) {}
  ~Borrowed() {
    if (c_->HasOpenTransaction()) {
      try {
        c_->Run("ROLLBACK");
      } catch (const StorageError&) {
        return;  // dropped
      }
    }
    pool_.GiveBack(std::move(c_));
  }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;
  Connection& operator*() { return *c_; }

 private:
  ConnectionSource& pool_;
  std::unique_ptr<Connection> c_;
};

void LoadOnOneConnection(Connection& c, Date from, Date to, ServiceHistory& h) {
  MappedForTheLoad mapped(c);
  PositionByRow referral_index;  // row id -> position in h.referrals, for the episodes' referral dates
  LoadReferrals(c, h, referral_index);
  PositionByRow index;
  LoadEpisodes(c, h, referral_index, index);
  LoadBesideEpisodes(c, index, from, to, h);
  LoadApartFromEpisodes(c, index, from, to, h);
}

// Both cores: `helper` reads the tables of LoadApartFromEpisodes while `reader` reads referrals, episodes and the
// rest; then the helper's records get their episodes' positions. Both connections are on one snapshot
// (ShareSnapshot), so the history is exactly the one a single connection would read, in the same order.
void LoadOnTwoConnections(Connection& reader, Connection& helper, std::int64_t max_episode_row, Date from, Date to,
                          ServiceHistory& h) {
  ServiceHistory apart;
  auto helper_done = std::async(std::launch::async, [&] {
    MappedForTheLoad mapped(helper);
    LoadApartFromEpisodes(helper, RowIdForNow(max_episode_row), from, to, apart);
  });
  PositionByRow index;
  {
    MappedForTheLoad mapped(reader);
    PositionByRow referral_index;
    LoadReferrals(reader, h, referral_index);
    LoadEpisodes(reader, h, referral_index, index);
    LoadBesideEpisodes(reader, index, from, to, h);
  }
  helper_done.get();  // rethrows the helper's failure (if this thread failed first, the future waits for it)
  RowIdsToPositions(apart.actions, index);
  RowIdsToPositions(apart.contacts, index);
  RowIdsToPositions(apart.assessments, index);
  RowIdsToPositions(apart.aces, index);
  RowIdsToPositions(apart.oversight, index);
  h.actions = std::move(apart.actions);
  h.contacts = std::move(apart.contacts);
  h.statutory = std::move(apart.statutory);
  h.assessments = std::move(apart.assessments);
  h.aces = std::move(apart.aces);
  h.oversight = std::move(apart.oversight);
}

}  // namespace

ServiceHistory SqliteReports::LoadServiceHistory(Date from, Date to) {
  ServiceHistory h;
  // Two connections only when they can share this unit of work's snapshot: it has read nothing yet (see
  // ShareSnapshot), there is a pool to lend them, and every episode row id fits where a position goes.
  if (pool_ != nullptr && !c_.HasOpenTransaction()) {
    Borrowed helper(*pool_);
    std::optional<Borrowed> lock(std::in_place, *pool_);
    if (ShareSnapshot(c_, *helper, **lock)) {
      lock.reset();  // back to the pool before the long part
      const auto max_episode_row = static_cast<std::int64_t>(MaxRow(c_, kMaxEpisodeRow));
      if (max_episode_row < std::int64_t{std::numeric_limits<EpisodeIndex>::max()}) {
        LoadOnTwoConnections(c_, *helper, max_episode_row, from, to, h);
        return h;
      }
    }
  }
  LoadOnOneConnection(c_, from, to, h);
  return h;
}

ReportNames SqliteReports::LoadNames() {
  ReportNames names;
  for (Statement s = c_.Prepare(kSelectTeamNames); s.Step();) names.teams.emplace(s.Text(0), s.Text(1));
  for (Statement s = c_.Prepare(kSelectServiceNames); s.Step();) names.services.emplace(s.Text(0), s.Text(1));
  return names;
}

}  // namespace hearth::sqlite
