#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// Issue 4, outcomes. At closure each need identified at assessment gets its outcome (improved / not_improved;
// NULL while the episode is open, and for needs of episodes closed before this migration), which the Supporting
// Families claim list reads. The indexes serve the work lists: the latest final oversight of an episode, whether
// an episode has a final audit, and the statutory involvements and episodes of a family after a date.
const std::string_view kMigration0008Outcomes = R"SQL(
ALTER TABLE assessment_needs ADD COLUMN outcome TEXT CHECK (outcome IN ('improved', 'not_improved'));
CREATE INDEX oversight_records_episode_final ON oversight_records(episode_id, recorded_on) WHERE status = 'final';
CREATE INDEX quality_audits_episode_final ON quality_audits(episode_id) WHERE status = 'final';
CREATE INDEX episodes_family_opened ON episodes(family_id, opened_on);
CREATE INDEX episodes_closed ON episodes(closed_on) WHERE closed_on IS NOT NULL;
)SQL";

}  // namespace hearth::sqlite
