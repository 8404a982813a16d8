// Use cases of every instrument Hearth stores (config/instruments: the Resilience Assessments, the ACE checklist,
// the feedback forms, management oversight, quality audits): start a draft, save it, finalise it, supersede a final
// one with a reason, view one, list an episode's. Which roles complete a form is its definition's completed_by;
// who sees results is the episode's rule, except that partner agencies see only finalised ones. Every view, change
// and refusal is audited under the form's interchange record type (instrument_rules.hpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.hpp"
#include "app/instrument_config.hpp"
#include "app/instrument_rules.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/instrument_result.hpp"
#include "ports/database.hpp"

namespace hearth {

// Results are numbered per form (each form has its own table), so a result is named by both.
struct ResultKey {
  std::string instrument;
  RecordId id = 0;
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
  Result<AssessmentView> SaveDraft(const Principal& who, const ResultKey& key, const Answers& answers, int version);
  // Makes a complete draft final. A final result is never edited again. A final quality audit is sent to the
  // episode's worker and their team's manager.
  Result<AssessmentView> Finalise(const Principal& who, const ResultKey& key, int version);
  // Replaces a final result by a new final one with corrected answers, scored by the same instrument version; the
  // old one becomes superseded, naming its successor and the reason. Returns the new result.
  Result<AssessmentView> Supersede(const Principal& who, const ResultKey& key, const Answers& answers,
                                   const std::string& reason, int version);
  Result<AssessmentView> View(const Principal& who, const ResultKey& key);
  // Every result of the episode the caller may see (partners: final and superseded ones only), by date. A page
  // that shows them within an episode's or family's page passes audit_view = false: the page's own view row
  // (episode, family) records that view, so one page view is one row.
  Result<std::vector<AssessmentView>> ListForEpisode(const Principal& who, RecordId episode_id, bool audit_view = true);
  // The forms the caller may start on this episode (current versions), in the registry's order.
  std::vector<const Instrument*> FormsFor(const Principal& who) const;

  // The caller acknowledges a final quality audit sent to them (as its worker, as its manager, or both).
  Result<AssessmentView> AcknowledgeAudit(const Principal& who, RecordId audit_id, int version);
  // Final audits sent to the caller that they have not acknowledged.
  Result<std::vector<AssessmentView>> AuditsToAcknowledge(const Principal& who);

  const InstrumentRegistry& Registry() const { return registry_; }

 private:
  Database& db_;
  AuditSink* sink_;
  const InstrumentRegistry& registry_;
};

}  // namespace hearth
