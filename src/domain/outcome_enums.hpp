// The closed vocabularies of the outcome records the service report reads (INTERCHANGE.md `assessment`, `ace`,
// `feedback`, `audit`), in the order INTERCHANGE.md lists them.
#pragma once
#include <string_view>

#include "domain/enum_names.hpp"

namespace hearth {
using namespace std::string_view_literals;

enum class AssessmentInstrument { kResilience, kYoungPersonResilience };
template <> struct EnumTraits<AssessmentInstrument> {
  static constexpr std::array kNames{"resilience"sv, "young_person_resilience"sv};
};

enum class AssessmentStage { kInitial, kEvaluation };
template <> struct EnumTraits<AssessmentStage> {
  static constexpr std::array kNames{"initial"sv, "evaluation"sv};
};

// The four domains of the Resilience Assessment, each scored 5–30; lower means less adversity and vulnerability.
enum class ResilienceDomain { kEnvironment, kAdversity, kResilience, kVulnerability };
template <> struct EnumTraits<ResilienceDomain> {
  static constexpr std::array kNames{"environment"sv, "adversity"sv, "resilience"sv, "vulnerability"sv};
};

enum class AceType {
  kPhysicalAbuse, kSexualAbuse, kEmotionalAbuse, kPhysicalNeglect, kEmotionalNeglect, kDomesticViolence,
  kHouseholdSubstanceMisuse, kHouseholdMentalIllness, kParentalSeparation, kHouseholdImprisonment
};
template <> struct EnumTraits<AceType> {
  static constexpr std::array kNames{"physical_abuse"sv,           "sexual_abuse"sv,
                                     "emotional_abuse"sv,          "physical_neglect"sv,
                                     "emotional_neglect"sv,        "domestic_violence"sv,
                                     "household_substance_misuse"sv, "household_mental_illness"sv,
                                     "parental_separation"sv,      "household_imprisonment"sv};
};

enum class FeedbackForm { kServiceUser, kRelationship };
template <> struct EnumTraits<FeedbackForm> {
  static constexpr std::array kNames{"service_user"sv, "relationship"sv};
};

enum class Satisfaction { kVeryHappy, kHappy, kNeither, kUnhappy, kVeryUnhappy };
template <> struct EnumTraits<Satisfaction> {
  static constexpr std::array kNames{"very_happy"sv, "happy"sv, "neither"sv, "unhappy"sv, "very_unhappy"sv};
};

enum class AuditGrade { kOutstanding, kGood, kRequiresImprovement, kInadequate };
template <> struct EnumTraits<AuditGrade> {
  static constexpr std::array kNames{"outstanding"sv, "good"sv, "requires_improvement"sv, "inadequate"sv};
};

}  // namespace hearth
