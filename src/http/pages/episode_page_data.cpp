#include "http/pages/episode_page_data.hpp"

#include <map>

#include "http/pages/family_view_data.hpp"
#include "http/pages/practitioner_text.hpp"

namespace hearth::http {
namespace {

using Data = mustache::data;

Data List() { return Data{Data::type::list}; }

template <class E>
std::string Label(const MessageCatalogue& m, std::string_view prefix, E value) {
  return m.Get(std::string(prefix) + "." + std::string(ToString(value)));
}

std::string DateText(const std::optional<Date>& d, const MessageCatalogue& m) { return d ? FormatDate(*d, m) : ""; }

struct Names {
  std::map<RecordId, std::string> people;
  std::map<RecordId, std::string> users;
  std::map<RecordId, std::string> services;
  std::string Person(RecordId id) const { return people.contains(id) ? people.at(id) : ""; }
  std::string User(RecordId id) const { return users.contains(id) ? users.at(id) : "#" + std::to_string(id); }
};

Names NamesOf(const EpisodeFile& f) {
  Names n;
  for (const auto& p : f.members) n.people[p.id] = p.FullName();
  for (const auto& a : f.assignments) n.users[a.user_id] = a.username;
  for (const auto& s : f.services) n.services[s.id] = s.name;
  return n;
}

Data Link(const std::string& href, const std::string& text) {
  Data d;
  d.set("href", href);
  d.set("text", text);
  return d;
}

Data NextSteps(const EpisodeFile& f, const Principal& who, const MessageCatalogue& m) {
  const Episode& e = f.episode;
  const std::string base = "/episodes/" + std::to_string(e.id) + "/";
  Data links = List();
  auto add = [&](const std::string& path, const std::string& key) {
    links.push_back(Link(base + path, m.Get("casework.step." + key + ".title")));
  };
  if (!e.IsOpen()) return links;
  switch (e.stage) {
    case EpisodeStage::kAwaitingAllocation:
      if (f.may_allocate) add("allocate-assessment", "allocate_assessment");
      break;
    case EpisodeStage::kAssessment:
      if (f.may_act) {
        add("assessment", "assessment");
        add("complete-assessment", "complete_assessment");
      }
      break;
    case EpisodeStage::kBrokerage:
      if (f.may_allocate && !e.brokerage_started_on) add("allocate-brokerage", "allocate_brokerage");
      if (f.may_act) {
        add("appraisals/new", "request_appraisal");
        add("plan", "plan");
        if (f.plan) add("objectives/new", "add_objective");
        add("complete-plan", "complete_plan");
      }
      break;
    case EpisodeStage::kPanel:
      if (f.may_allocate) add("panel-decision", "panel_decision");
      break;
    case EpisodeStage::kIntervention:
    case EpisodeStage::kReview:
      if (f.may_act) {
        add("contacts/new", "add_contact");
        add("taf-meetings/new", "add_taf");
        if (e.stage == EpisodeStage::kIntervention) add("start-review", "start_review");
      }
      if (f.may_act || f.may_allocate) add("change-worker", "change_worker");
      break;
    case EpisodeStage::kClosed:
      break;
  }
  if (f.may_act && e.stage != EpisodeStage::kIntervention && e.stage != EpisodeStage::kReview)
    add("contacts/new", "add_contact");
  if (f.may_act) add("close", "close");
  if (who.Can(Capability::kRecordStatutory)) add("statutory/new", "record_statutory");
  return links;
}

Data StageDates(const Episode& e, const MessageCatalogue& m) {
  Data rows = List();
  auto row = [&](const char* key, const std::optional<Date>& d) {
    if (!d) return;
    Data r;
    r.set("label", m.Get(std::string("casework.date.") + key));
    r.set("value", FormatDate(*d, m));
    rows.push_back(std::move(r));
  };
  row("opened_on", e.opened_on);
  row("allocated_assessment_on", e.allocated_assessment_on);
  row("assessment_completed_on", e.assessment_completed_on);
  row("brokerage_started_on", e.brokerage_started_on);
  row("plan_completed_on", e.plan_completed_on);
  row("panel_on", e.panel_on);
  row("intervention_started_on", e.intervention_started_on);
  row("review_started_on", e.review_started_on);
  row("closed_on", e.closed_on);
  return rows;
}

Data ChildViewsData(const std::vector<ChildView>& views, const Names& n) {
  Data rows = List();
  for (const auto& v : views) {
    Data r;
    r.set("name", n.Person(v.person_id));
    r.set("views", v.views);
    rows.push_back(std::move(r));
  }
  return rows;
}

Data AssessmentData(const FamilyAssessment& a, const Names& n, const MessageCatalogue& m) {
  Data d;
  Data needs = List();
  for (const auto& [area, need] : a.needs) {
    Data r;
    r.set("area", Label(m, "reason", area));
    r.set("need", need);
    needs.push_back(std::move(r));
  }
  d.set("needs", std::move(needs));
  d.set("strengths", a.strengths);
  d.set("family_wants", a.family_wants);
  d.set("child_views", ChildViewsData(a.child_views, n));
  return d;
}

Data AppraisalRows(const EpisodeFile& f, const Principal& who, const MessageCatalogue& m) {
  Data rows = List();
  const Date today = Date::TodayUtc();
  for (const auto& a : f.appraisals) {
    Data r;
    r.set("kind", Label(m, "agency", a.kind));
    r.set("question", a.question);
    r.set("requested_on", FormatDate(a.requested_on, m));
    r.set("due_on", FormatDate(a.due_on, m));
    r.set("answered", MustacheBool(a.Answered()));
    r.set("overdue", MustacheBool(!a.Answered() && a.due_on < today));
    r.set("completed_on", DateText(a.completed_on, m));
    r.set("recommendations", a.recommendations);
    r.set("commitments", a.commitments);
    const bool may_answer = !a.Answered() && (f.may_act || (who.role == Role::kPartner && who.agency == a.kind));
    r.set("may_answer", MustacheBool(may_answer));
    r.set("answer_href", "/appraisals/" + std::to_string(a.id) + "/answer");
    rows.push_back(std::move(r));
  }
  return rows;
}

Data PlanData(const EpisodeFile& f, const Names& n, const MessageCatalogue& m) {
  const FamilyPlan& p = *f.plan;
  const std::string base = "/episodes/" + std::to_string(f.episode.id) + "/";
  const bool editable_actions = f.may_act && (f.episode.stage == EpisodeStage::kBrokerage ||
                                              f.episode.stage == EpisodeStage::kIntervention ||
                                              f.episode.stage == EpisodeStage::kReview);
  Data d;
  d.set("family_words", p.family_words);
  d.set("agreed_on", DateText(p.agreed_on, m));
  d.set("child_views", ChildViewsData(p.child_views, n));
  Data objectives = List();
  for (const auto& o : p.objectives) {
    Data od;
    od.set("outcome", o.outcome);
    od.set("measure", o.measure);
    od.set("who", o.who);
    od.set("target_on", FormatDate(o.target_on, m));
    od.set("add_action_href", base + "objectives/" + std::to_string(o.id) + "/actions/new");
    od.set("may_add_action", MustacheBool(editable_actions));
    Data actions = List();
    for (const auto& a : o.actions) {
      Data ad;
      ad.set("description", a.description);
      ad.set("owner", a.service_id == 0 ? m.Get("casework.owner_family")
                                        : (n.services.contains(a.service_id) ? n.services.at(a.service_id) : ""));
      ad.set("due_on", DateText(a.due_on, m));
      ad.set("status", Label(m, "action_status", a.status));
      ad.set("update_href", base + "actions/" + std::to_string(a.id));
      ad.set("may_update", MustacheBool(editable_actions));
      actions.push_back(std::move(ad));
    }
    od.set("actions", std::move(actions));
    objectives.push_back(std::move(od));
  }
  d.set("objectives", std::move(objectives));
  return d;
}

template <class T, class F>
Data Rows(const std::vector<T>& items, F shape) {
  Data rows = List();
  for (const auto& item : items) rows.push_back(shape(item));
  return rows;
}

}  // namespace

mustache::data EpisodePageData(const EpisodeFile& f, const Principal& who, const MessageCatalogue& m) {
  const Names n = NamesOf(f);
  const Episode& e = f.episode;
  Data data;
  data.set("title", m.Get("casework.episode_title"));
  data.set("family_heading", FamilyHeading(f.family, f.members, m));
  data.set("family_href", "/families/" + std::to_string(e.family_id));
  data.set("stage", Label(m, "stage", e.stage));
  data.set("open", MustacheBool(e.IsOpen()));
  data.set("dates", StageDates(e, m));
  data.set("closure_reason", e.closure_reason ? Label(m, "closure_reason", *e.closure_reason) : "");
  data.set("closure_summary", e.closure_summary);
  data.set("exit_plan", e.exit_plan);
  data.set("next_steps", NextSteps(f, who, m));
  const auto lead = f.practitioners.find(e.lead_practitioner_id);
  data.set("has_lead_professional", MustacheBool(lead != f.practitioners.end()));
  data.set("lead_professional", lead != f.practitioners.end() ? PractitionerLabel(lead->second, m) : "");
  data.set("assignments", Rows(f.assignments, [&](const Assignment& a) {
             Data r;
             r.set("username", a.username);
             r.set("role", Label(m, "role", a.role));
             r.set("from", FormatDate(a.from_on, m));
             r.set("to", DateText(a.to_on, m));
             r.set("current", MustacheBool(!a.to_on));
             return r;
           }));
  data.set("has_assessment", MustacheBool(f.assessment.has_value()));
  if (f.assessment) data.set("assessment", AssessmentData(*f.assessment, n, m));
  data.set("has_appraisals", MustacheBool(!f.appraisals.empty()));
  data.set("appraisals", AppraisalRows(f, who, m));
  data.set("has_plan", MustacheBool(f.plan.has_value()));
  if (f.plan) data.set("plan", PlanData(f, n, m));
  data.set("has_panel_decisions", MustacheBool(!f.panel_decisions.empty()));
  data.set("panel_decisions", Rows(f.panel_decisions, [&](const PanelDecision& d) {
             Data r;
             r.set("on", FormatDate(d.on, m));
             r.set("outcome", Label(m, "panel_outcome", d.outcome));
             r.set("worker", d.worker_id ? n.User(d.worker_id) : "");
             r.set("reasons", d.reasons);
             // Only those who run the panel can open its meetings.
             const bool linked = d.meeting_id != 0 && who.Can(Capability::kAllocateCases);
             r.set("has_meeting", MustacheBool(linked));
             r.set("meeting_href", linked ? "/panel/meetings/" + std::to_string(d.meeting_id) : "");
             return r;
           }));
  data.set("has_contacts", MustacheBool(!f.contacts.empty()));
  data.set("contacts", Rows(f.contacts, [&](const Contact& c) {
             Data r;
             r.set("on", FormatDate(c.on, m));
             r.set("kind", Label(m, "contact_kind", c.kind));
             r.set("worker", n.User(c.worker_id));
             std::string seen;
             for (RecordId id : c.children_seen) seen += (seen.empty() ? "" : ", ") + n.Person(id);
             r.set("children_seen", seen.empty() ? m.Get("casework.no_child_seen") : seen);
             r.set("seen", c.seen);
             r.set("note", c.note);
             return r;
           }));
  data.set("has_taf_meetings", MustacheBool(!f.taf_meetings.empty()));
  data.set("taf_meetings", Rows(f.taf_meetings, [&](const TafMeeting& t) {
             Data r;
             r.set("on", FormatDate(t.on, m));
             r.set("attendees", t.attendees);
             std::string agencies;
             for (Agency a : t.agencies) agencies += (agencies.empty() ? "" : ", ") + Label(m, "agency", a);
             r.set("agencies", agencies);
             // Meetings recorded before the practitioner directory name their lead professional in free text.
             const auto chosen = f.practitioners.find(t.lead_practitioner_id);
             r.set("lead_professional", chosen != f.practitioners.end() ? PractitionerLabel(chosen->second, m)
                                                                        : t.lead_professional);
             r.set("decisions", t.decisions);
             r.set("next_meeting_on", DateText(t.next_meeting_on, m));
             return r;
           }));
  data.set("has_reviews", MustacheBool(!f.reviews.empty()));
  data.set("reviews", Rows(f.reviews, [&](const PlanReview& r0) {
             Data r;
             r.set("on", FormatDate(r0.on, m));
             r.set("next_steps", r0.next_steps);
             return r;
           }));
  data.set("has_worker_changes", MustacheBool(!f.worker_changes.empty()));
  data.set("worker_changes", Rows(f.worker_changes, [&](const WorkerChange& c) {
             Data r;
             r.set("on", FormatDate(c.on, m));
             r.set("from", c.from_user_id ? n.User(c.from_user_id) : "");
             r.set("to", n.User(c.to_user_id));
             r.set("reason", c.reason);
             return r;
           }));
  data.set("has_statutory", MustacheBool(!f.statutory.empty()));
  data.set("statutory", Rows(f.statutory, [&](const StatutoryInvolvement& s) {
             Data r;
             r.set("kind", Label(m, "statutory_kind", s.kind));
             r.set("person", s.person_id ? n.Person(s.person_id) : m.Get("casework.whole_family"));
             r.set("started_on", FormatDate(s.started_on, m));
             r.set("ended_on", DateText(s.ended_on, m));
             return r;
           }));
  return data;
}

}  // namespace hearth::http
