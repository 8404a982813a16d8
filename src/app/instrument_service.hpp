// Use cases of the Resilience Assessment (and the young person's version): start a draft, save it, finalise it,
// supersede a final one with a reason, view one. Which roles complete an instrument is its definition's
// completed_by (config/instruments); every view, change and refusal is audited, as record type "assessment".
#pragma once
#include <optional>
#include <string>

#include "app/audit_log.hpp"
#include "app/instrument_config.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/instrument_result.hpp"
#include "ports/database.hpp"

namespace hearth {

struct AssessmentStart {
  std::string instrument;  // resilience or young_person_resilience
  InstrumentStage stage = InstrumentStage::kInitial;
  Date assessed_on;
  std::optional<RecordId> person_id;  // the young person, for young_person_resilience
};

// A stored result with the definition of the version it was made with, and its scores by that definition.
struct AssessmentView {
  AssessmentResult result;
  const Instrument* definition = nullptr;
  ScoreSheet scores;
};

class InstrumentService {
 public:
  InstrumentService(Database& db, AuditSink* sink, const InstrumentRegistry& registry)
      : db_(db), sink_(sink), registry_(registry) {}

  // A new draft with the instrument's current version and no answers.
  Result<AssessmentView> StartDraft(const Principal& who, RecordId episode_id, const AssessmentStart& start);
  // Replaces a draft's answers (they may be incomplete, but each must be valid); `version` is the one edited.
  Result<AssessmentView> SaveDraft(const Principal& who, RecordId assessment_id, const Answers& answers, int version);
  // Makes a complete draft final, with its domain totals stored. A final result is never edited again.
  Result<AssessmentView> Finalise(const Principal& who, RecordId assessment_id, int version);
  // Replaces a final result by a new final one with corrected answers, scored by the same instrument version; the
  // old one becomes superseded, naming its successor and the reason. Returns the new result.
  Result<AssessmentView> Supersede(const Principal& who, RecordId assessment_id, const Answers& answers,
                                   const std::string& reason, int version);
  Result<AssessmentView> View(const Principal& who, RecordId assessment_id);

 private:
  Database& db_;
  AuditSink* sink_;
  const InstrumentRegistry& registry_;
};

}  // namespace hearth
