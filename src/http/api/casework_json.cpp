#include "http/api/casework_json.hpp"

#include "http/api/json_helpers.hpp"
#include "http/api/json_views.hpp"

namespace hearth::http {
namespace json = boost::json;
using jsonh::DateJson;
using jsonh::EnumJson;
using jsonh::IdOrNull;
using jsonh::ListJson;

namespace {
json::array ChildViewsJson(const std::vector<ChildView>& views) {
  return ListJson(views, [](const ChildView& v) { return json::object{{"person_id", v.person_id}, {"views", v.views}}; });
}

json::object AssignmentJson(const Assignment& a) {
  return {{"id", a.id},       {"worker", a.user_id},         {"username", a.username},
          {"role", EnumJson(a.role)}, {"from", a.from_on.ToString()}, {"to", DateJson(a.to_on)},
          {"reason", a.reason}};
}

json::object ObjectiveJson(const Objective& o) {
  return {{"id", o.id},           {"outcome", o.outcome},
          {"measure", o.measure}, {"who", o.who},
          {"target_on", o.target_on.ToString()}, {"actions", ListJson(o.actions, ActionJson)}};
}

json::object ContactJson(const Contact& c) {
  json::array seen;
  for (RecordId id : c.children_seen) seen.push_back(id);
  return {{"id", c.id},       {"on", c.on.ToString()}, {"kind", EnumJson(c.kind)}, {"worker", c.worker_id},
          {"children_seen", std::move(seen)}, {"seen", c.seen}, {"note", c.note}};
}

json::object TafJson(const TafMeeting& m) {
  return {{"id", m.id},
          {"on", m.on.ToString()},
          {"attendees", m.attendees},
          {"agencies", jsonh::EnumListJson(m.agencies)},
          {"lead_practitioner", IdOrNull(m.lead_practitioner_id)},
          {"lead_professional", m.lead_professional},  // free text of meetings recorded before the directory
          {"decisions", m.decisions},
          {"next_meeting_on", DateJson(m.next_meeting_on)}};
}

json::object ReviewJson(const PlanReview& r) {
  return {{"id", r.id}, {"on", r.on.ToString()}, {"next_steps", r.next_steps}};
}

json::object StatutoryJson(const StatutoryInvolvement& s) {
  return {{"id", s.id},     {"person", IdOrNull(s.person_id)}, {"kind", EnumJson(s.kind)},
          {"started_on", s.started_on.ToString()}, {"ended_on", DateJson(s.ended_on)}};
}

json::object WorkerChangeJson(const WorkerChange& c) {
  return {{"from_worker", IdOrNull(c.from_user_id)}, {"to_worker", c.to_user_id}, {"role", EnumJson(c.role)},
          {"on", c.on.ToString()}, {"reason", c.reason}};
}
}  // namespace

json::object PanelDecisionJson(const PanelDecision& d) {
  return {{"id", d.id},           {"on", d.on.ToString()},  {"outcome", EnumJson(d.outcome)},
          {"team", IdOrNull(d.team_id)}, {"worker", IdOrNull(d.worker_id)}, {"reasons", d.reasons},
          {"meeting", IdOrNull(d.meeting_id)}};
}

json::object AssessmentJson(const FamilyAssessment& a) {
  json::object needs;
  for (const auto& [area, need] : a.needs) needs[ToString(area)] = need;
  return {{"needs", std::move(needs)},
          {"strengths", a.strengths},
          {"family_wants", a.family_wants},
          {"child_views", ChildViewsJson(a.child_views)},
          {"version", a.version}};
}

json::object AppraisalJson(const Appraisal& a) {
  return {{"id", a.id},
          {"episode", a.episode_id},
          {"family", a.family_id},
          {"kind", EnumJson(a.kind)},
          {"question", a.question},
          {"requested_on", a.requested_on.ToString()},
          {"due_on", a.due_on.ToString()},
          {"completed_on", DateJson(a.completed_on)},
          {"recommendations", a.recommendations},
          {"commitments", a.commitments},
          {"version", a.version}};
}

json::object PlanJson(const FamilyPlan& p) {
  return {{"family_words", p.family_words},
          {"child_views", ChildViewsJson(p.child_views)},
          {"agreed_on", DateJson(p.agreed_on)},
          {"objectives", ListJson(p.objectives, ObjectiveJson)},
          {"version", p.version}};
}

json::object ActionJson(const PlanAction& a) {
  return {{"id", a.id},
          {"objective", a.objective_id},
          {"description", a.description},
          {"service", IdOrNull(a.service_id)},
          {"due_on", DateJson(a.due_on)},
          {"status", EnumJson(a.status)},
          {"version", a.version}};
}

json::object ServiceJson(const Service& s) { return {{"id", s.id}, {"name", s.name}, {"kind", s.kind}}; }

json::object PractitionerJson(const Practitioner& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"organisation_kind", p.organisation_kind},
          {"organisation", p.organisation},
          {"role_title", p.role_title},
          {"email", p.email},
          {"version", p.version}};
}

json::object PanelMeetingJson(const PanelMeeting& m) {
  return {{"id", m.id}, {"on", m.on.ToString()}, {"chair", m.chair}, {"notes", m.notes}, {"version", m.version}};
}

json::object EpisodeFileJson(const EpisodeFile& f) {
  json::value assessment = nullptr;
  if (f.assessment) assessment = AssessmentJson(*f.assessment);
  json::value plan = nullptr;
  if (f.plan) plan = PlanJson(*f.plan);
  json::array practitioners;  // those the file names as lead professional
  for (const auto& [id, p] : f.practitioners) practitioners.push_back(PractitionerJson(p));
  return {{"episode", EpisodeJson(f.episode)},
          {"members", ListJson(f.members, PersonJson)},
          {"assignments", ListJson(f.assignments, AssignmentJson)},
          {"assessment", std::move(assessment)},
          {"appraisals", ListJson(f.appraisals, AppraisalJson)},
          {"plan", std::move(plan)},
          {"panel_decisions", ListJson(f.panel_decisions, PanelDecisionJson)},
          {"contacts", ListJson(f.contacts, ContactJson)},
          {"taf_meetings", ListJson(f.taf_meetings, TafJson)},
          {"practitioners", std::move(practitioners)},
          {"reviews", ListJson(f.reviews, ReviewJson)},
          {"worker_changes", ListJson(f.worker_changes, WorkerChangeJson)},
          {"statutory", ListJson(f.statutory, StatutoryJson)},
          {"may_act", f.may_act},
          {"may_allocate", f.may_allocate}};
}

}  // namespace hearth::http
