// Loads the service history for the report: one query per table, only the columns the report reads, rows straight
// into vectors. Records that belong to an episode are tied to it by its position in the episode vector, found
// through a table indexed by row id (row ids are dense), so nothing is looked up by text.
// Workers and families are only grouped on, never shown, so their row ids serve as their keys; teams and services
// are shown, so they are named by their interchange ids (external_id), services numbered by row id.
// Every query but the episodes' reads a covering index of migration 0010 (named with INDEXED BY, so the plan cannot
// drift to the table): the load touches only those narrow indexes, and over a period only the period's stretch.
// With a pool the tables are read on two connections at once, each taking the next table not yet taken (kLoads).
#include <algorithm>
#include <array>
#include <atomic>
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

// What the table loads share. Each load writes only its own vectors of `h` (the referrals-and-episodes load also
// `episode_index`), so two threads can run different loads at once. A record that belongs to an episode keeps its
// episode's row id where the position goes (`refs`) until every load is done: the episodes may still be being read
// on the other thread. PutEpisodePositions then turns the row ids into positions.
struct LoadJob {
  LoadJob(Date first, Date last, std::int64_t max_episode_row, ServiceHistory& history)
      : from(first.ToString()),
        to(last.ToString()),
        recent_from(std::min(first, last.AddDays(-27)).ToString()),
        refs(max_episode_row),
        h(history) {}
  const std::string from, to;
  const std::string recent_from;  // oversight counts in P or in the 28 days up to TO
  const RowIdForNow refs;
  ServiceHistory& h;
  PositionByRow episode_index;  // episode row id -> position in h.episodes
};

void LoadReferralsAndEpisodes(Connection& c, LoadJob& job) {
  ServiceHistory& h = job.h;
  PositionByRow referral_index;  // row id -> position in h.referrals, for the episodes' referral dates
  ReserveInHugePages(h.referrals, MaxRow(c, kMaxReferralRow));
  RepeatedDates received;
  for (Statement s = c.Prepare(kSelectReferrals); s.Step();) {
    referral_index.Add(s.Int(0), static_cast<EpisodeIndex>(h.referrals.size()));
    h.referrals.push_back({received.At(s, 1), EnumAt<ReferralSource>(s, 2)});
  }
  ReserveInHugePages(h.episodes, MaxRow(c, kMaxEpisodeRow));
  const IdsByRow teams(c, kSelectTeamIds);
  Statement s = c.Prepare(kSelectEpisodes);
  while (s.Step()) {
    EpisodeFacts e;
    e.id = s.Text(1);
    e.family = KeyAt(s, 2);
    const auto& referral = h.referrals[referral_index.At(s.Int(3))];
    e.received_on = referral.received_on;
    e.source = referral.source;
    e.opened_on = DateAt(s, 4);
    e.allocated_assessment_on = OptionalDateAt(s, 5);
    e.ea_officer = KeyAt(s, 6);
    e.assessment_completed_on = OptionalDateAt(s, 7);
    e.brokerage_started_on = OptionalDateAt(s, 8);
    e.br_officer = KeyAt(s, 9);
    e.plan_completed_on = OptionalDateAt(s, 10);
    e.panel_on = OptionalDateAt(s, 11);
    e.intervention_started_on = OptionalDateAt(s, 12);
    if (!s.IsNull(13)) e.team = teams.At(s.Int(13));
    e.review_started_on = OptionalDateAt(s, 14);
    e.closed_on = OptionalDateAt(s, 15);
    if (!s.IsNull(16)) e.closure_reason = EnumAt<ClosureReason>(s, 16);
    job.episode_index.Add(s.Int(0), static_cast<EpisodeIndex>(h.episodes.size()));
    h.episodes.push_back(std::move(e));
  }
}

void LoadAssignments(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.assignments, MaxRow(c, kMaxAssignmentRow));
  for (Statement s = c.Prepare(kSelectAssignments); s.Step();)
    job.h.assignments.push_back({job.refs.At(s.Int(0)), KeyAt(s, 1), EnumAt<Role>(s, 2)});
}

void LoadAppraisals(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.appraisals, MaxRow(c, kMaxAppraisalRow));
  RepeatedDates requested;
  Statement s = c.Prepare(kSelectAppraisals);
  s.Bind(1, job.to);
  while (s.Step()) {
    job.h.appraisals.push_back(
        {EnumAt<Agency>(s, 0), requested.At(s, 1), OptionalDateAt(s, 2), job.refs.At(s.Int(3))});
  }
}

void LoadFeedback(Connection& c, LoadJob& job) {
  RepeatedDates given;
  Statement s = c.Prepare(kSelectFeedback);
  s.Bind(1, job.from).Bind(2, job.to);
  while (s.Step()) {
    std::optional<Satisfaction> satisfaction;
    if (!s.IsNull(2)) satisfaction = EnumAt<Satisfaction>(s, 2);
    job.h.feedback.push_back({EnumAt<FeedbackForm>(s, 0), given.At(s, 1), satisfaction, job.refs.At(s.Int(3))});
  }
}

void LoadAudits(Connection& c, LoadJob& job) {
  RepeatedDates audited;
  Statement s = c.Prepare(kSelectAudits);
  s.Bind(1, job.from).Bind(2, job.to);
  while (s.Step())
    job.h.audits.push_back({audited.At(s, 0), EnumAt<AuditGrade>(s, 1), s.Int(2) != 0, job.refs.At(s.Int(3))});
}

void LoadActions(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.actions, MaxRow(c, kMaxActionRow));
  const IdsByRow services(c, kSelectServiceIds);
  job.h.services = services.All();
  for (Statement s = c.Prepare(kSelectActions); s.Step();) {
    const ServiceIndex service = s.IsNull(1) ? kNoService : static_cast<ServiceIndex>(services.Position(s.Int(1)));
    job.h.actions.push_back({job.refs.At(s.Int(0)), service, EnumAt<ActionStatus>(s, 2)});
  }
}

void LoadContacts(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.contacts, MaxRow(c, kMaxContactRow));
  RepeatedDates occurred;
  Statement s = c.Prepare(kSelectContacts);
  s.Bind(1, job.from).Bind(2, job.to);
  while (s.Step()) job.h.contacts.push_back({job.refs.At(s.Int(0)), occurred.At(s, 1)});
}

void LoadStatutory(Connection& c, LoadJob& job) {
  for (Statement s = c.Prepare(kSelectStatutory); s.Step();) job.h.statutory.push_back({KeyAt(s, 0), DateAt(s, 1)});
}

void LoadAssessments(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.assessments, MaxRow(c, kMaxAssessmentRow));
  for (Statement s = c.Prepare(kSelectAssessments); s.Step();) {
    AssessmentFacts a;
    a.episode = job.refs.At(s.Int(0));
    a.id = s.Text(1);
    a.instrument = EnumAt<AssessmentInstrument>(s, 2);
    a.stage = EnumAt<AssessmentStage>(s, 3);
    a.on = DateAt(s, 4);
    for (int d = 0; d < 4; ++d) a.scores[static_cast<std::size_t>(d)] = static_cast<int>(s.Int(5 + d));
    job.h.assessments.push_back(std::move(a));
  }
}

void LoadAces(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.aces, MaxRow(c, kMaxAceRow));
  for (Statement s = c.Prepare(kSelectAces); s.Step();) {
    std::optional<bool> improved;
    if (!s.IsNull(3)) improved = s.Int(3) != 0;
    job.h.aces.push_back({job.refs.At(s.Int(0)), EnumAt<AceType>(s, 1), DateAt(s, 2), improved});
  }
}

void LoadOversight(Connection& c, LoadJob& job) {
  ReserveInHugePages(job.h.oversight, MaxRow(c, kMaxOversightRow));
  RepeatedDates recorded;
  Statement s = c.Prepare(kSelectOversight);
  s.Bind(1, job.recent_from).Bind(2, job.to);
  while (s.Step()) job.h.oversight.push_back({job.refs.At(s.Int(0)), recorded.At(s, 1), s.Int(2) != 0});
}

// Every load, the longest first (as measured over ten years: referrals and episodes about 0.5 s, contacts and
// actions about 0.3 s and 0.2 s, down to audits at a few milliseconds). Each thread takes the next load not yet
// taken, so whichever finishes first takes the next one: the two threads end within about the length of the last
// load instead of one waiting for the other (a fixed split of the tables left one thread idle 0.25 s).
using TableLoad = void (*)(Connection&, LoadJob&);
constexpr std::array<TableLoad, 11> kLoads = {
    LoadReferralsAndEpisodes, LoadContacts, LoadActions,   LoadAssignments, LoadOversight, LoadAssessments,
    LoadAces,                 LoadAppraisals, LoadFeedback, LoadStatutory,  LoadAudits};

template <class Facts>
void RowIdsToPositions(std::vector<Facts>& records, const PositionByRow& index) {
  for (auto& r : records) r.episode = index.At(r.episode);
}

void PutEpisodePositions(LoadJob& job) {
  ServiceHistory& h = job.h;
  RowIdsToPositions(h.assignments, job.episode_index);
  RowIdsToPositions(h.appraisals, job.episode_index);
  RowIdsToPositions(h.feedback, job.episode_index);
  RowIdsToPositions(h.audits, job.episode_index);
  RowIdsToPositions(h.actions, job.episode_index);
  RowIdsToPositions(h.contacts, job.episode_index);
  RowIdsToPositions(h.assessments, job.episode_index);
  RowIdsToPositions(h.aces, job.episode_index);
  RowIdsToPositions(h.oversight, job.episode_index);
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

// Records keep their episode's row id where its position goes until every load is done (LoadJob), so every
// episode row id must fit in a position.
std::int64_t MaxEpisodeRow(Connection& c) {
  const auto max_row = static_cast<std::int64_t>(MaxRow(c, kMaxEpisodeRow));
  if (max_row >= std::int64_t{std::numeric_limits<EpisodeIndex>::max()}) Corrupt("episode row id");
  return max_row;
}

// Takes loads from `next` until none is left. On a failure the other thread is told to take no more.
void RunLoads(Connection& c, LoadJob& job, std::atomic<std::size_t>& next) {
  MappedForTheLoad mapped(c);
  try {
    for (std::size_t i; (i = next.fetch_add(1)) < kLoads.size();) kLoads[i](c, job);
  } catch (...) {
    next.store(kLoads.size());
    throw;
  }
}

// Both cores: `reader` and `helper` take the loads between them. Both connections are on one snapshot
// (ShareSnapshot), so the history is exactly the one a single connection would read, in the same order.
void LoadOnTwoConnections(Connection& reader, Connection& helper, LoadJob& job) {
  std::atomic<std::size_t> next{0};
  auto helper_done = std::async(std::launch::async, [&] { RunLoads(helper, job, next); });
  try {
    RunLoads(reader, job, next);
  } catch (...) {
    helper_done.wait();  // the helper still writes into `job` until it stops
    throw;
  }
  helper_done.get();  // rethrows the helper's failure
}

}  // namespace

ServiceHistory SqliteReports::LoadServiceHistory(Date from, Date to) {
  ServiceHistory h;
  // Two connections only when they can share this unit of work's snapshot: it has read nothing yet (see
  // ShareSnapshot) and there is a pool to lend them.
  if (pool_ != nullptr && !c_.HasOpenTransaction()) {
    Borrowed helper(*pool_);
    std::optional<Borrowed> lock(std::in_place, *pool_);
    if (ShareSnapshot(c_, *helper, **lock)) {
      lock.reset();  // back to the pool before the long part
      LoadJob job(from, to, MaxEpisodeRow(c_), h);
      LoadOnTwoConnections(c_, *helper, job);
      PutEpisodePositions(job);
      return h;
    }
  }
  LoadJob job(from, to, MaxEpisodeRow(c_), h);
  std::atomic<std::size_t> next{0};
  RunLoads(c_, job, next);
  PutEpisodePositions(job);
  return h;
}

ReportNames SqliteReports::LoadNames() {
  ReportNames names;
  for (Statement s = c_.Prepare(kSelectTeamNames); s.Step();) names.teams.emplace(s.Text(0), s.Text(1));
  for (Statement s = c_.Prepare(kSelectServiceNames); s.Step();) names.services.emplace(s.Text(0), s.Text(1));
  return names;
}

}  // namespace hearth::sqlite
