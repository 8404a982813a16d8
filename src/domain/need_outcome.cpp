#include "domain/need_outcome.hpp"

namespace hearth {

std::string NeedOutcomeField(OutcomeArea area) { return "need_outcome." + std::string(ToString(area)); }

std::map<OutcomeArea, NeedOutcome> NeedOutcomesFromInput(const Input& in, const std::vector<NeedRecord>& needs,
                                                         std::vector<FieldError>& errors) {
  std::map<OutcomeArea, NeedOutcome> out;
  for (const auto& need : needs) {
    const std::string field = NeedOutcomeField(need.area);
    const std::string& value = in.Get(field);
    if (value.empty()) {
      errors.push_back({field, "error.need_outcome_required"});
      continue;
    }
    auto outcome = ParseEnum<NeedOutcome>(value);
    if (!outcome) {
      errors.push_back({field, "error.choice_invalid"});
      continue;
    }
    out.emplace(need.area, *outcome);
  }
  return out;
}

}  // namespace hearth
