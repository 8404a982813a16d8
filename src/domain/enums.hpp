// The closed vocabularies of the service model (DESIGN.md §1–2, INTERCHANGE.md).
#pragma once
#include <string_view>

#include "domain/enum_names.hpp"

namespace hearth {
using namespace std::string_view_literals;

enum class Role {
  kAdministrator, kFrontDoorCoordinator, kEaOfficer, kBrOfficer, kInterventionWorker, kFamilyAide,
  kSocialWorker, kManager, kAuditor, kPartner, kAnalyst
};
template <> struct EnumTraits<Role> {
  static constexpr std::array kNames{"administrator"sv, "front_door_coordinator"sv, "ea_officer"sv, "br_officer"sv,
                                     "intervention_worker"sv, "family_aide"sv, "social_worker"sv, "manager"sv,
                                     "auditor"sv, "partner"sv, "analyst"sv};
};

enum class Sex { kFemale, kMale, kOther, kUnknown };
template <> struct EnumTraits<Sex> {
  static constexpr std::array kNames{"female"sv, "male"sv, "other"sv, "unknown"sv};
};

enum class MemberRole { kChild, kParent, kCarer, kOtherAdult };
template <> struct EnumTraits<MemberRole> {
  static constexpr std::array kNames{"child"sv, "parent"sv, "carer"sv, "other_adult"sv};
};

// How one member of a household stands to another ("A is parent of B").
enum class RelationshipKind { kParentOf, kCarerOf, kSiblingOf, kPartnerOf, kGrandparentOf, kOther };
template <> struct EnumTraits<RelationshipKind> {
  static constexpr std::array kNames{"parent_of"sv, "carer_of"sv,      "sibling_of"sv,
                                     "partner_of"sv, "grandparent_of"sv, "other"sv};
};

enum class ReferralSource {
  kSchool, kHealth, kPolice, kHousing, kSelf, kFamily, kChildrenSocialCare, kVoluntary, kOther
};
template <> struct EnumTraits<ReferralSource> {
  static constexpr std::array kNames{"school"sv, "health"sv, "police"sv, "housing"sv, "self"sv,
                                     "family"sv, "children_social_care"sv, "voluntary"sv, "other"sv};
};

// The ten outcome areas: the reasons a family is referred.
enum class OutcomeArea {
  kEducation, kEarlyYears, kHealth, kSubstanceUse, kFamilyRelationships, kAbuseExploitation, kCrime,
  kDomesticAbuse, kHousing, kFinancialStability
};
template <> struct EnumTraits<OutcomeArea> {
  static constexpr std::array kNames{"education"sv, "early_years"sv, "health"sv, "substance_use"sv,
                                     "family_relationships"sv, "abuse_exploitation"sv, "crime"sv,
                                     "domestic_abuse"sv, "housing"sv, "financial_stability"sv};
};

enum class ReferralDecision { kEarlyHelp, kStatutory, kAdvice, kNoFurtherAction };
template <> struct EnumTraits<ReferralDecision> {
  static constexpr std::array kNames{"early_help"sv, "statutory"sv, "advice"sv, "no_further_action"sv};
};

// Partner agencies: who a family may consent to share with, and who answers appraisals.
enum class Agency { kHealth, kHousing, kEducation, kFinancialInclusion, kParenting, kYoungPerson };
template <> struct EnumTraits<Agency> {
  static constexpr std::array kNames{"health"sv, "housing"sv, "education"sv, "financial_inclusion"sv,
                                     "parenting"sv, "young_person"sv};
};

enum class EpisodeStage { kAwaitingAllocation, kAssessment, kBrokerage, kPanel, kIntervention, kReview, kClosed };
template <> struct EnumTraits<EpisodeStage> {
  static constexpr std::array kNames{"awaiting_allocation"sv, "assessment"sv,   "brokerage"sv, "panel"sv,
                                     "intervention"sv,        "review"sv,       "closed"sv};
};

enum class ClosureReason { kOutcomesMet, kDisengaged, kConsentWithdrawn, kSteppedUp, kMovedAway, kOther };
template <> struct EnumTraits<ClosureReason> {
  static constexpr std::array kNames{"outcomes_met"sv, "disengaged"sv, "consent_withdrawn"sv,
                                     "stepped_up"sv,   "moved_away"sv, "other"sv};
};

// The status of one action of a family plan (INTERCHANGE.md `action`).
enum class ActionStatus { kNotStarted, kInProgress, kCompleted, kNotCompleted, kNoLongerRequired };
template <> struct EnumTraits<ActionStatus> {
  static constexpr std::array kNames{"not_started"sv, "in_progress"sv, "completed"sv, "not_completed"sv,
                                     "no_longer_required"sv};
};

enum class ContactKind { kHomeVisit, kPhone, kOffice, kSchool, kVirtual, kOther };
template <> struct EnumTraits<ContactKind> {
  static constexpr std::array kNames{"home_visit"sv, "phone"sv, "office"sv, "school"sv, "virtual"sv, "other"sv};
};

// Statutory social care involvement, recorded as dated events so that outcomes can be measured.
enum class StatutoryKind { kChildInNeed, kChildProtection, kLookedAfter };
template <> struct EnumTraits<StatutoryKind> {
  static constexpr std::array kNames{"child_in_need"sv, "child_protection"sv, "looked_after"sv};
};

// What the allocation panel decided for a family whose plan is complete.
enum class PanelOutcome { kAllocate, kSendBack };
template <> struct EnumTraits<PanelOutcome> {
  static constexpr std::array kNames{"allocate"sv, "send_back"sv};
};

}  // namespace hearth
