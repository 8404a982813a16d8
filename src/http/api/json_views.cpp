#include "http/api/json_views.hpp"

#include <boost/json/array.hpp>

#include "http/api/json_helpers.hpp"

namespace hearth::http {
namespace json = boost::json;

using jsonh::DateJson;
using jsonh::EnumJson;
using jsonh::EnumListJson;
using jsonh::IdOrNull;
using jsonh::ListJson;

json::object FamilyJson(const Family& f) {
  return {{"id", f.id},
          {"area", f.area},
          {"address_line_1", f.address_line_1},
          {"address_line_2", f.address_line_2},
          {"town", f.town},
          {"postcode", f.postcode},
          {"version", f.version}};
}

json::object FamilySummaryJson(const FamilySummary& s) {
  return {{"id", s.id}, {"area", s.area}, {"postcode", s.postcode}, {"members", s.members},
          {"member_count", s.member_count}};
}

json::object PersonJson(const Person& p) {
  return {{"id", p.id},
          {"family", p.family_id},
          {"given_name", p.given_name},
          {"family_name", p.family_name},
          {"date_of_birth", DateJson(p.date_of_birth)},
          {"sex", EnumJson(p.sex)},
          {"role", EnumJson(p.role)},
          {"version", p.version}};
}

json::object RelationshipJson(const Relationship& r) {
  return {{"id", r.id}, {"from_person", r.from_person_id}, {"to_person", r.to_person_id}, {"kind", EnumJson(r.kind)}};
}

json::object ReferralJson(const Referral& r) {
  json::value consent_given = nullptr;
  if (r.consent.given) consent_given = *r.consent.given;
  return {{"id", r.id},
          {"family", r.family_id},
          {"received_on", r.received_on.ToString()},
          {"source", EnumJson(r.source)},
          {"reasons", EnumListJson(r.reasons)},
          {"consent_given", consent_given},
          {"consent_given_by", r.consent.given_by},
          {"consent_given_on", DateJson(r.consent.given_on)},
          {"share_with", EnumListJson(r.consent.share_with)},
          {"decision", EnumJson(r.decision)},
          {"rationale", r.rationale},
          {"step_down", r.IsStepDown()},
          {"version", r.version}};
}

json::object EpisodeJson(const Episode& e) {
  return {{"id", e.id},
          {"family", e.family_id},
          {"referral", e.referral_id},
          {"opened_on", e.opened_on.ToString()},
          {"stage", EnumJson(e.stage)},
          {"allocated_assessment_on", DateJson(e.allocated_assessment_on)},
          {"ea_officer", IdOrNull(e.ea_officer_id)},
          {"assessment_completed_on", DateJson(e.assessment_completed_on)},
          {"brokerage_started_on", DateJson(e.brokerage_started_on)},
          {"br_officer", IdOrNull(e.br_officer_id)},
          {"plan_completed_on", DateJson(e.plan_completed_on)},
          {"panel_on", DateJson(e.panel_on)},
          {"intervention_started_on", DateJson(e.intervention_started_on)},
          {"team", IdOrNull(e.team_id)},
          {"worker", IdOrNull(e.worker_id)},
          {"review_started_on", DateJson(e.review_started_on)},
          {"closed_on", DateJson(e.closed_on)},
          {"closure_reason", jsonh::OptionalEnumJson(e.closure_reason)},
          {"closure_summary", e.closure_summary},
          {"exit_plan", e.exit_plan},
          {"lead_practitioner", IdOrNull(e.lead_practitioner_id)},
          {"version", e.version}};
}

json::object PossibleMatchJson(const PossibleMatch& m) {
  return {{"person_id", m.person.id},
          {"family_id", m.family.id},
          {"given_name", m.person.given_name},
          {"family_name", m.person.family_name},
          {"date_of_birth", DateJson(m.person.date_of_birth)},
          {"person_index", m.new_person_index}};
}

json::object FamilyViewJson(const FamilyView& view) {
  return {{"family", FamilyJson(view.family)},
          {"members", ListJson(view.members, PersonJson)},
          {"relationships", ListJson(view.relationships, RelationshipJson)},
          {"referrals", ListJson(view.referrals, ReferralJson)},
          {"episodes", ListJson(view.episodes, EpisodeJson)}};
}

}  // namespace hearth::http
