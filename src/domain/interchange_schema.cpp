#include "domain/interchange_schema.hpp"

#include <algorithm>

namespace hearth::interchange {
namespace {
using namespace std::string_view_literals;
using enum FieldKind;
using enum RecordType;

constexpr std::array kTeamKinds{"front_door"sv,  "assessment"sv, "brokerage"sv, "intervention"sv,
                                "social_work"sv, "management"sv, "quality"sv};
constexpr std::array kRoles{
    "front_door_coordinator"sv, "ea_officer"sv, "br_officer"sv, "intervention_worker"sv, "family_aide"sv,
    "social_worker"sv,          "manager"sv,    "auditor"sv};
constexpr std::array kSexes{"female"sv, "male"sv, "other"sv, "unknown"sv};
constexpr std::array kMemberRoles{"child"sv, "parent"sv, "carer"sv, "other_adult"sv};
constexpr std::array kSources{
    "school"sv,    "health"sv, "police"sv, "housing"sv, "self"sv, "family"sv, "children_social_care"sv,
    "voluntary"sv, "other"sv};
constexpr std::array kOutcomeAreas{
    "education"sv,          "early_years"sv, "health"sv,         "substance_use"sv, "family_relationships"sv,
    "abuse_exploitation"sv, "crime"sv,       "domestic_abuse"sv, "housing"sv,       "financial_stability"sv};
constexpr std::array kDecisions{"early_help"sv, "statutory"sv, "advice"sv, "no_further_action"sv};
constexpr std::array kClosureReasons{"outcomes_met"sv, "disengaged"sv, "consent_withdrawn"sv,
                                     "stepped_up"sv,   "moved_away"sv, "other"sv};
constexpr std::array kAppraisalKinds{"health"sv,    "housing"sv,     "education"sv, "financial_inclusion"sv,
                                     "parenting"sv, "young_person"sv};
constexpr std::array kActionStatuses{"not_started"sv, "in_progress"sv, "completed"sv, "not_completed"sv,
                                     "no_longer_required"sv};
constexpr std::array kContactKinds{"home_visit"sv, "phone"sv, "office"sv, "school"sv, "virtual"sv, "other"sv};
constexpr std::array kInstruments{"resilience"sv, "young_person_resilience"sv};
constexpr std::array kAssessmentStages{"initial"sv, "evaluation"sv};
constexpr std::array kAces{"physical_abuse"sv,
                           "sexual_abuse"sv,
                           "emotional_abuse"sv,
                           "physical_neglect"sv,
                           "emotional_neglect"sv,
                           "domestic_violence"sv,
                           "household_substance_misuse"sv,
                           "household_mental_illness"sv,
                           "parental_separation"sv,
                           "household_imprisonment"sv};
constexpr std::array kStatutoryKinds{"child_in_need"sv, "child_protection"sv, "looked_after"sv};
constexpr std::array kForms{"service_user"sv, "relationship"sv};
constexpr std::array kGrades{"outstanding"sv, "good"sv, "requires_improvement"sv, "inadequate"sv};

constexpr FieldSpec Id() { return {"id", kId, true}; }
constexpr FieldSpec Ref(std::string_view name, RecordType to, bool required) { return {name, kRef, required, to}; }
template <std::size_t N>
constexpr FieldSpec Enum(std::string_view name, const std::array<std::string_view, N>& values, bool required) {
  return {name, kEnum, required, kTeam, values};
}

constexpr std::array kTeamFields{Id(), FieldSpec{"name", kText, true}, Enum("kind", kTeamKinds, true)};
constexpr std::array kWorkerFields{Id(), FieldSpec{"name", kText, true}, Ref("team", kTeam, true),
                                   Enum("role", kRoles, true)};
constexpr std::array kServiceFields{Id(), FieldSpec{"name", kText, true}, FieldSpec{"kind", kText, false}};
constexpr std::array kFamilyFields{Id(), FieldSpec{"area", kText, true}, FieldSpec{"postcode", kText, false}};
constexpr std::array kPersonFields{Id(),
                                   Ref("family", kFamily, true),
                                   FieldSpec{"given_name", kText, true},
                                   FieldSpec{"family_name", kText, true},
                                   FieldSpec{"date_of_birth", kDate, false},
                                   Enum("sex", kSexes, false),
                                   Enum("role", kMemberRoles, true)};
constexpr std::array kReferralFields{Id(),
                                     Ref("family", kFamily, true),
                                     FieldSpec{"received_on", kDate, true},
                                     Enum("source", kSources, true),
                                     FieldSpec{"reasons", kReasons, false, kTeam, kOutcomeAreas},
                                     Enum("decision", kDecisions, true),
                                     FieldSpec{"consent_given", kBool, false}};
constexpr std::array kEpisodeFields{Id(),
                                    Ref("family", kFamily, true),
                                    Ref("referral", kReferral, true),
                                    FieldSpec{"opened_on", kDate, true},
                                    FieldSpec{"allocated_assessment_on", kDate, false},
                                    Ref("ea_officer", kWorker, false),
                                    FieldSpec{"assessment_completed_on", kDate, false},
                                    FieldSpec{"brokerage_started_on", kDate, false},
                                    Ref("br_officer", kWorker, false),
                                    FieldSpec{"plan_completed_on", kDate, false},
                                    FieldSpec{"panel_on", kDate, false},
                                    FieldSpec{"intervention_started_on", kDate, false},
                                    Ref("team", kTeam, false),
                                    FieldSpec{"review_started_on", kDate, false},
                                    FieldSpec{"closed_on", kDate, false},
                                    Enum("closure_reason", kClosureReasons, false)};
constexpr std::array kAssignmentFields{Id(),
                                       Ref("episode", kEpisode, true),
                                       Ref("worker", kWorker, true),
                                       Enum("role", kRoles, true),
                                       FieldSpec{"from", kDate, true},
                                       FieldSpec{"to", kDate, false}};
constexpr std::array kAppraisalFields{Id(), Ref("episode", kEpisode, true), Enum("kind", kAppraisalKinds, true),
                                      FieldSpec{"requested_on", kDate, true}, FieldSpec{"completed_on", kDate, false}};
constexpr std::array kActionFields{Id(),
                                   Ref("episode", kEpisode, true),
                                   FieldSpec{"objective", kText, true},
                                   Ref("service", kService, false),
                                   FieldSpec{"due_on", kDate, false},
                                   Enum("status", kActionStatuses, true)};
constexpr std::array kContactFields{Id(), Ref("episode", kEpisode, true), FieldSpec{"on", kDate, true},
                                    Ref("worker", kWorker, true), Enum("kind", kContactKinds, true)};
constexpr std::array kAssessmentFields{Id(),
                                       Ref("episode", kEpisode, true),
                                       Enum("instrument", kInstruments, true),
                                       Enum("stage", kAssessmentStages, true),
                                       FieldSpec{"on", kDate, true},
                                       FieldSpec{"scores", kScores, true}};
constexpr std::array kAceFields{Id(),
                                Ref("episode", kEpisode, true),
                                Ref("person", kPerson, true),
                                Enum("ace", kAces, true),
                                FieldSpec{"identified_on", kDate, true},
                                FieldSpec{"improved", kBool, false}};
constexpr std::array kStatutoryFields{Id(),
                                      Ref("family", kFamily, true),
                                      Ref("person", kPerson, false),
                                      Enum("kind", kStatutoryKinds, true),
                                      FieldSpec{"started_on", kDate, true},
                                      FieldSpec{"ended_on", kDate, false}};
constexpr std::array kFeedbackFields{Id(), Ref("episode", kEpisode, true), FieldSpec{"on", kDate, true},
                                     Enum("form", kForms, true), FieldSpec{"answers", kAnswers, true}};
constexpr std::array kOversightFields{Id(), Ref("episode", kEpisode, true), FieldSpec{"on", kDate, true},
                                      Ref("manager", kWorker, true),
                                      FieldSpec{"considered_plan_effectiveness", kBool, true}};
constexpr std::array kAuditFields{Id(),
                                  Ref("episode", kEpisode, true),
                                  FieldSpec{"on", kDate, true},
                                  Ref("auditor", kWorker, true),
                                  Enum("grade", kGrades, true),
                                  FieldSpec{"shared_with_worker", kBool, true}};

constexpr std::array<TypeSpec, kRecordTypeCount> kTypes{{
    {kTeam, "team", kTeamFields},
    {kWorker, "worker", kWorkerFields},
    {kService, "service", kServiceFields},
    {kFamily, "family", kFamilyFields},
    {kPerson, "person", kPersonFields},
    {kReferral, "referral", kReferralFields},
    {kEpisode, "episode", kEpisodeFields},
    {kAssignment, "assignment", kAssignmentFields},
    {kAppraisal, "appraisal", kAppraisalFields},
    {kAction, "action", kActionFields},
    {kContact, "contact", kContactFields},
    {kAssessment, "assessment", kAssessmentFields},
    {kAce, "ace", kAceFields},
    {kStatutory, "statutory", kStatutoryFields},
    {kFeedback, "feedback", kFeedbackFields},
    {kOversight, "oversight", kOversightFields},
    {kAudit, "audit", kAuditFields},
}};

}  // namespace

std::optional<std::size_t> TypeSpec::FieldIndex(std::string_view field) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field) return i;
  return std::nullopt;
}

std::span<const TypeSpec> AllTypes() { return kTypes; }
const TypeSpec& Spec(RecordType type) { return kTypes[TypeIndex(type)]; }

std::optional<RecordType> TypeNamed(std::string_view name) {
  for (const auto& t : kTypes)
    if (t.name == name) return t.type;
  return std::nullopt;
}

std::span<const std::string_view> WorkerRoles() { return kRoles; }
bool IsWorkerRole(std::string_view role) { return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end(); }

}  // namespace hearth::interchange
