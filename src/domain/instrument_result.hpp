// One completed (or being completed) form of an instrument: the answers, the version of the definition they were
// given against, and where the result stands. A finalised result is never edited, only superseded (issue 4).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "domain/family.hpp"
#include "domain/instrument.hpp"

namespace hearth {

enum class ResultStatus { kDraft, kFinal, kSuperseded };
template <>
struct EnumTraits<ResultStatus> {
  static constexpr std::array kNames{"draft"sv, "final"sv, "superseded"sv};
};

// One result of any instrument: a Resilience Assessment (INTERCHANGE.md `assessment`), an ACE checklist, a feedback
// form, a management oversight record or a quality audit. Which table keeps it is the storage layer's business.
struct AssessmentResult {
  RecordId id = 0;
  RecordId episode_id = 0;
  std::optional<RecordId> person_id;  // the young person, for a per-person instrument
  std::string instrument;
  int instrument_version = 0;
  InstrumentStage stage = InstrumentStage::kInitial;
  Date assessed_on;
  Answers answers;
  std::map<std::string, int> domain_totals;  // by domain id; only domains whose items are all answered
  ResultStatus status = ResultStatus::kDraft;
  RecordId recorded_by = 0;
  std::optional<RecordId> superseded_by;
  std::string supersede_reason;
  int version = 0;  // optimistic concurrency; 1 once stored
  // Quality audits: who a final audit was sent to, and when each of them acknowledged it.
  std::optional<RecordId> sent_to_worker;
  std::optional<RecordId> sent_to_manager;
  std::optional<Date> worker_acknowledged_on;
  std::optional<Date> manager_acknowledged_on;
};

using InstrumentResult = AssessmentResult;

}  // namespace hearth
