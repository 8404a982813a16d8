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
template <> struct EnumTraits<ResultStatus> {
  static constexpr std::array kNames{"draft"sv, "final"sv, "superseded"sv};
};

// A Resilience Assessment or a Young Person's Resilience Assessment (INTERCHANGE.md `assessment`).
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
};

}  // namespace hearth
