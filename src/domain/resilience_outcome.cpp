#include "domain/resilience_outcome.hpp"

namespace hearth {
namespace {

// The later of two results: by date, then by id (a later record of the same day is the later word).
bool Later(const InstrumentResult& a, const InstrumentResult* b) {
  if (b == nullptr) return true;
  if (a.assessed_on != b->assessed_on) return b->assessed_on < a.assessed_on;
  return a.id > b->id;
}

std::optional<int> Total(const InstrumentResult* r, const std::string& domain) {
  if (r == nullptr) return std::nullopt;
  const auto it = r->domain_totals.find(domain);
  if (it == r->domain_totals.end()) return std::nullopt;
  return it->second;
}

std::optional<int> Combined(const InstrumentResult* r, const std::vector<std::string>& domains) {
  int sum = 0;
  for (const std::string& d : domains) {
    const auto total = Total(r, d);
    if (!total) return std::nullopt;
    sum += *total;
  }
  return sum;
}

}  // namespace

std::vector<ResilienceOutcome> ResilienceOutcomes(const std::vector<InstrumentResult>& results,
                                                  const std::string& instrument,
                                                  const std::vector<std::string>& domains) {
  std::vector<ResilienceOutcome> out;
  for (const InstrumentResult& r : results) {
    if (r.instrument != instrument || r.status != ResultStatus::kFinal) continue;
    ResilienceOutcome* series = nullptr;
    for (auto& o : out)
      if (o.person_id == r.person_id) series = &o;
    if (series == nullptr) {
      out.push_back(ResilienceOutcome{instrument, r.person_id, nullptr, nullptr, {}});
      series = &out.back();
    }
    if (r.stage == InstrumentStage::kInitial && Later(r, series->initial)) series->initial = &r;
    if (r.stage == InstrumentStage::kEvaluation && Later(r, series->evaluation)) series->evaluation = &r;
  }
  for (ResilienceOutcome& o : out) {
    for (const std::string& d : domains) o.rows.push_back(OutcomeRow{d, Total(o.initial, d), Total(o.evaluation, d)});
    o.rows.push_back(OutcomeRow{"", o.initial ? Combined(o.initial, domains) : std::nullopt,
                                o.evaluation ? Combined(o.evaluation, domains) : std::nullopt});
  }
  return out;
}

}  // namespace hearth
