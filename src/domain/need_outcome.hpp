// The outcome of one need identified at assessment, recorded at closure (issue 4): whether it improved. The
// Supporting Families claim reads it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/enum_names.hpp"
#include "domain/enums.hpp"
#include "domain/input.hpp"

namespace hearth {
using namespace std::string_view_literals;

enum class NeedOutcome { kImproved, kNotImproved };
template <> struct EnumTraits<NeedOutcome> {
  static constexpr std::array kNames{"improved"sv, "not_improved"sv};
};

// One need of an episode's assessment, with its outcome (none while the episode is open).
struct NeedRecord {
  OutcomeArea area = OutcomeArea::kEducation;
  std::string need;
  std::optional<NeedOutcome> outcome;
};

// The closure form's field for the outcome of the need in `area`: need_outcome.<area>.
std::string NeedOutcomeField(OutcomeArea area);

// Reads the outcome of every need from `in`: each must be answered with one of NeedOutcome's names, or it is an
// error on its field (error.need_outcome_required, error.choice_invalid).
std::map<OutcomeArea, NeedOutcome> NeedOutcomesFromInput(const Input& in, const std::vector<NeedRecord>& needs,
                                                         std::vector<FieldError>& errors);

}  // namespace hearth
