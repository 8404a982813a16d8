// The outcome of one Resilience Assessment series (seed 002's family outcome table): for a family's episode, or for
// one young person in it, the latest final initial result against the latest final evaluation result, domain by
// domain and combined. Drafts and superseded results never count.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/instrument_result.hpp"

namespace hearth {

struct OutcomeRow {
  std::string domain;  // a domain id; empty for the combined total
  std::optional<int> initial;
  std::optional<int> evaluation;
  // evaluation - initial, when both are known (negative is improvement for a lower-is-better form)
  std::optional<int> Change() const {
    if (!initial || !evaluation) return std::nullopt;
    return *evaluation - *initial;
  }
};

struct ResilienceOutcome {
  std::string instrument;
  std::optional<RecordId> person_id;
  const InstrumentResult* initial = nullptr;
  const InstrumentResult* evaluation = nullptr;
  std::vector<OutcomeRow> rows;  // each domain of `domains`, then the combined total
};

// One outcome per (instrument, person) among `results` of `instrument` that has a final result, in the order of
// first appearance. `domains` are the definition's domain ids, in order. The combined total is the sum of the domain
// totals, known only when every one is.
std::vector<ResilienceOutcome> ResilienceOutcomes(const std::vector<InstrumentResult>& results,
                                                  const std::string& instrument,
                                                  const std::vector<std::string>& domains);

}  // namespace hearth
