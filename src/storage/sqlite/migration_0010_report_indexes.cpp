#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// Covering indexes for the service report's load (report_store.cpp): each holds exactly the columns one of its
// queries reads, so the load scans a narrow index instead of the whole table (actions, contacts, assignments,
// assessments... carry notes, answers and timestamps the report never reads). Over a ten-year history of 200,000
// episodes the tables the load read came to about 480 MB of pages; these indexes to about a third of that, and
// the date-ranged ones (contacts, feedback, oversight, audits, appraisals) are read only over the period.
// Leading `status` where the report reads only final records: SQLite 3.40 does not treat a partial index as
// covering when the query names the column of its WHERE, so the status is a column instead.
// Appraisals, feedback and audits carry episode_id too: the dashboard's team filter (on main) reads it.
// The cost is one more index entry written per row of these tables (see docs/performance.md).
const std::string_view kMigration0010ReportIndexes = R"SQL(
CREATE INDEX referrals_report ON referrals(received_on, source);
CREATE INDEX episode_assignments_report ON episode_assignments(episode_id, user_id, role);
CREATE INDEX appraisals_report ON appraisals(requested_on, kind, completed_on, episode_id);
CREATE INDEX actions_report ON actions(episode_id, service_id, status);
CREATE INDEX contacts_report ON contacts(occurred_on, episode_id);
CREATE INDEX resilience_assessments_report ON resilience_assessments(status, episode_id, instrument, stage,
  assessed_on, environment, adversity, resilience, vulnerability, external_id);
CREATE INDEX aces_report ON aces(status, episode_id, ace, identified_on, improved);
CREATE INDEX feedback_report ON feedback(status, given_on, form, satisfaction, episode_id);
CREATE INDEX oversight_records_report ON oversight_records(status, recorded_on, episode_id,
  considered_plan_effectiveness);
CREATE INDEX quality_audits_report ON quality_audits(status, audited_on, grade, shared_with_worker,
  episode_id);
)SQL";

}  // namespace hearth::sqlite
