// An independent reading of INTERCHANGE.md for tests: parses a JSON Lines history and lists every way it breaks
// the format (field sets, required fields, enumerations, ids, references, consistency rules). Written from the
// document, sharing no code with the generator, so that a test of the generator cannot agree with itself.
#pragma once
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/date.hpp"

namespace hearth::testing {

struct FieldSpec {
  std::string name;
  bool required = false;
  enum Kind { kId, kText, kDate, kBool, kRef, kEnum, kReasons, kScores, kAnswers } kind = kText;
  std::string target;  // kRef: the record type referred to; kEnum: the enumeration's name
};

inline const std::map<std::string, std::set<std::string>>& Enumerations() {
  static const std::map<std::string, std::set<std::string>> enums{
      {"team_kind", {"front_door", "assessment", "brokerage", "intervention", "social_work", "management", "quality"}},
      {"worker_role",
       {"front_door_coordinator", "ea_officer", "br_officer", "intervention_worker", "family_aide", "social_worker",
        "manager", "auditor"}},
      {"sex", {"female", "male", "other", "unknown"}},
      {"person_role", {"child", "parent", "carer", "other_adult"}},
      {"source",
       {"school", "health", "police", "housing", "self", "family", "children_social_care", "voluntary", "other"}},
      {"decision", {"early_help", "statutory", "advice", "no_further_action"}},
      {"closure_reason", {"outcomes_met", "disengaged", "consent_withdrawn", "stepped_up", "moved_away", "other"}},
      {"appraisal_kind", {"health", "housing", "education", "financial_inclusion", "parenting", "young_person"}},
      {"action_status", {"not_started", "in_progress", "completed", "not_completed", "no_longer_required"}},
      {"contact_kind", {"home_visit", "phone", "office", "school", "virtual", "other"}},
      {"instrument", {"resilience", "young_person_resilience"}},
      {"assessment_stage", {"initial", "evaluation"}},
      {"ace",
       {"physical_abuse", "sexual_abuse", "emotional_abuse", "physical_neglect", "emotional_neglect",
        "domestic_violence", "household_substance_misuse", "household_mental_illness", "parental_separation",
        "household_imprisonment"}},
      {"statutory_kind", {"child_in_need", "child_protection", "looked_after"}},
      {"form", {"service_user", "relationship"}},
      {"satisfaction", {"very_happy", "happy", "neither", "unhappy", "very_unhappy"}},
      {"grade", {"outstanding", "good", "requires_improvement", "inadequate"}},
      {"outcome_area",
       {"education", "early_years", "health", "substance_use", "family_relationships", "abuse_exploitation", "crime",
        "domestic_abuse", "housing", "financial_stability"}},
  };
  return enums;
}

// The record types of INTERCHANGE.md and their fields, `*` there being `required` here.
inline const std::map<std::string, std::vector<FieldSpec>>& RecordTypes() {
  using K = FieldSpec;
  static const std::map<std::string, std::vector<FieldSpec>> types{
      {"team", {{"id", true, K::kId, ""}, {"name", true, K::kText, ""}, {"kind", true, K::kEnum, "team_kind"}}},
      {"worker",
       {{"id", true, K::kId, ""},
        {"name", true, K::kText, ""},
        {"team", true, K::kRef, "team"},
        {"role", true, K::kEnum, "worker_role"}}},
      {"service", {{"id", true, K::kId, ""}, {"name", true, K::kText, ""}, {"kind", false, K::kText, ""}}},
      {"family", {{"id", true, K::kId, ""}, {"area", true, K::kText, ""}, {"postcode", false, K::kText, ""}}},
      {"person",
       {{"id", true, K::kId, ""},
        {"family", true, K::kRef, "family"},
        {"given_name", true, K::kText, ""},
        {"family_name", true, K::kText, ""},
        {"date_of_birth", false, K::kDate, ""},
        {"sex", false, K::kEnum, "sex"},
        {"role", true, K::kEnum, "person_role"}}},
      {"referral",
       {{"id", true, K::kId, ""},
        {"family", true, K::kRef, "family"},
        {"received_on", true, K::kDate, ""},
        {"source", true, K::kEnum, "source"},
        {"reasons", false, K::kReasons, ""},
        {"decision", true, K::kEnum, "decision"},
        {"consent_given", false, K::kBool, ""}}},
      {"episode",
       {{"id", true, K::kId, ""},
        {"family", true, K::kRef, "family"},
        {"referral", true, K::kRef, "referral"},
        {"opened_on", true, K::kDate, ""},
        {"allocated_assessment_on", false, K::kDate, ""},
        {"ea_officer", false, K::kRef, "worker"},
        {"assessment_completed_on", false, K::kDate, ""},
        {"brokerage_started_on", false, K::kDate, ""},
        {"br_officer", false, K::kRef, "worker"},
        {"plan_completed_on", false, K::kDate, ""},
        {"panel_on", false, K::kDate, ""},
        {"intervention_started_on", false, K::kDate, ""},
        {"team", false, K::kRef, "team"},
        {"review_started_on", false, K::kDate, ""},
        {"closed_on", false, K::kDate, ""},
        {"closure_reason", false, K::kEnum, "closure_reason"}}},
      {"assignment",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"worker", true, K::kRef, "worker"},
        {"role", true, K::kEnum, "worker_role"},
        {"from", true, K::kDate, ""},
        {"to", false, K::kDate, ""}}},
      {"appraisal",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"kind", true, K::kEnum, "appraisal_kind"},
        {"requested_on", true, K::kDate, ""},
        {"completed_on", false, K::kDate, ""}}},
      {"action",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"objective", true, K::kText, ""},
        {"service", false, K::kRef, "service"},
        {"due_on", false, K::kDate, ""},
        {"status", true, K::kEnum, "action_status"}}},
      {"contact",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"on", true, K::kDate, ""},
        {"worker", true, K::kRef, "worker"},
        {"kind", true, K::kEnum, "contact_kind"}}},
      {"assessment",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"instrument", true, K::kEnum, "instrument"},
        {"stage", true, K::kEnum, "assessment_stage"},
        {"on", true, K::kDate, ""},
        {"scores", true, K::kScores, ""}}},
      {"ace",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"person", true, K::kRef, "person"},
        {"ace", true, K::kEnum, "ace"},
        {"identified_on", true, K::kDate, ""},
        {"improved", false, K::kBool, ""}}},
      {"statutory",
       {{"id", true, K::kId, ""},
        {"family", true, K::kRef, "family"},
        {"person", false, K::kRef, "person"},
        {"kind", true, K::kEnum, "statutory_kind"},
        {"started_on", true, K::kDate, ""},
        {"ended_on", false, K::kDate, ""}}},
      {"feedback",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"on", true, K::kDate, ""},
        {"form", true, K::kEnum, "form"},
        {"answers", true, K::kAnswers, ""}}},
      {"oversight",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"on", true, K::kDate, ""},
        {"manager", true, K::kRef, "worker"},
        {"considered_plan_effectiveness", true, K::kBool, ""}}},
      {"audit",
       {{"id", true, K::kId, ""},
        {"episode", true, K::kRef, "episode"},
        {"on", true, K::kDate, ""},
        {"auditor", true, K::kRef, "worker"},
        {"grade", true, K::kEnum, "grade"},
        {"shared_with_worker", true, K::kBool, ""}}},
  };
  return types;
}

// A parsed history: every record by type and id, in file order too.
struct History {
  std::vector<boost::json::object> records;                         // without the header
  std::map<std::string, std::map<std::string, std::size_t>> by_id;  // type -> id -> index into records
  std::vector<std::string> problems;

  const boost::json::object* Find(const std::string& type, const boost::json::value* id) const {
    if (!id || !id->is_string()) return nullptr;
    const auto t = by_id.find(type);
    if (t == by_id.end()) return nullptr;
    const auto i = t->second.find(std::string(id->as_string()));
    return i == t->second.end() ? nullptr : &records[i->second];
  }
};

inline std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

inline std::optional<Date> DateOf(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return Date::Parse(std::string(v->as_string()));
}

}  // namespace hearth::testing
