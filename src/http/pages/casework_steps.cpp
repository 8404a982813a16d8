#include "http/pages/casework_steps.hpp"

#include "domain/enum_names.hpp"
#include "domain/need_outcome.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/practitioner_text.hpp"

namespace hearth::http {
namespace {
using Kind = FormField::Kind;

const MessageCatalogue& M(const StepContext& s) { return s.deps.views.Messages(); }
std::string L(const StepContext& s, const std::string& name) { return M(s).Get("casework.label." + name); }

FormField Field(const StepContext& s, std::string name, Kind kind, std::vector<FormOption> options = {}) {
  FormField f;
  f.label = L(s, name);
  const std::string hint_key = "casework.hint." + name;
  if (M(s).Has(hint_key)) f.hint = M(s).Get(hint_key);
  f.name = std::move(name);
  f.kind = kind;
  f.options = std::move(options);
  return f;
}

template <class E>
std::vector<FormOption> Options(const StepContext& s, std::string_view prefix) {
  std::vector<FormOption> out;
  for (E v : AllValues<E>()) {
    const std::string name(ToString(v));
    out.push_back({name, M(s).Get(std::string(prefix) + "." + name)});
  }
  return out;
}

std::vector<FormOption> WorkerOptions(const StepContext& s, std::initializer_list<Role> roles) {
  std::vector<FormOption> out;
  if (s.lean) return out;
  auto workers = s.deps.services.journey.Workers(s.ctx.Who(), std::nullopt);
  if (!workers) return out;
  for (const auto& u : *workers)
    for (Role r : roles)
      if (u.role == r)
        out.push_back({std::to_string(u.id),
                       u.username + (u.team_name.empty() ? "" : " (" + u.team_name + ")")});
  return out;
}

std::vector<FormOption> TeamOptions(const StepContext& s) {
  std::vector<FormOption> out;
  if (s.lean) return out;
  if (auto teams = s.deps.services.journey.Teams(s.ctx.Who()))
    for (const auto& t : *teams) out.push_back({std::to_string(t.id), t.name});
  return out;
}

// The panel meetings held up to today, latest first: a decision is recorded within one of them.
std::vector<FormOption> MeetingOptions(const StepContext& s) {
  std::vector<FormOption> out;
  if (s.lean) return out;
  if (auto meetings = s.deps.services.panel.DecisionMeetings(s.ctx.Who()))
    for (const auto& meeting : *meetings) {
      const std::string date = FormatDate(meeting.on, M(s));
      out.push_back({std::to_string(meeting.id),
                     meeting.chair.empty()
                         ? date
                         : M(s).Format("panel.meeting_option", {{"date", date}, {"chair", meeting.chair}})});
    }
  return out;
}

// The practitioner directory, for choosing a lead professional.
std::vector<FormOption> PractitionerOptions(const StepContext& s) {
  std::vector<FormOption> out;
  if (s.lean) return out;
  if (auto all = s.deps.services.practitioners.Choices(s.ctx.Who()))
    for (const auto& p : *all) out.push_back({std::to_string(p.id), PractitionerLabel(p, M(s))});
  return out;
}

std::vector<FormOption> ChildOptions(const StepContext& s) {
  std::vector<FormOption> out;
  for (const auto& p : OrderedMembers(s.file.members))
    if (p.role == MemberRole::kChild) out.push_back({std::to_string(p.id), p.FullName()});
  return out;
}

std::vector<FormOption> OwnerOptions(const StepContext& s) {
  std::vector<FormOption> out{{"family", M(s).Get("casework.owner_family")}};
  for (const auto& svc : s.file.services) out.push_back({std::to_string(svc.id), svc.name});
  return out;
}

// One textarea per child for their own words: child_view.<person id>.
void AddChildViews(const StepContext& s, std::vector<FormField>& fields) {
  for (const auto& p : OrderedMembers(s.file.members)) {
    if (p.role != MemberRole::kChild) continue;
    FormField f;
    f.name = "child_view." + std::to_string(p.id);
    f.kind = Kind::kTextarea;
    f.label = M(s).Format("casework.label.child_view", {{"name", p.FullName()}});
    fields.push_back(std::move(f));
  }
}

// At closure, one question per need identified at assessment: did it improve? (need_outcome.<area>)
void AddNeedOutcomes(const StepContext& s, std::vector<FormField>& fields) {
  if (!s.file.assessment) return;
  for (const auto& [area, need] : s.file.assessment->needs) {
    FormField f;
    f.name = NeedOutcomeField(area);
    f.kind = Kind::kRadios;
    f.label = M(s).Format("casework.label.need_outcome", {{"area", M(s).Get("reason." + std::string(ToString(area)))}});
    f.hint = need;
    f.options = Options<NeedOutcome>(s, "need_outcome");
    fields.push_back(std::move(f));
  }
}

void AddChildViewValues(const std::vector<ChildView>& views, Input& in) {
  for (const auto& v : views) in.Add("child_view." + std::to_string(v.person_id), v.views);
}

Result<void> Done(const auto& result) {
  if (!result) return result.error();
  return {};
}

Input Nothing(const StepContext&) { return {}; }
int NoVersion(const StepContext&) { return -1; }
int EpisodeVersion(const StepContext& s) { return s.file.episode.version; }

const PlanAction* ActionOf(const StepContext& s) {
  const auto id = s.ctx.IdParam("action_id");
  if (!id || !s.file.plan) return nullptr;
  for (const auto& o : s.file.plan->objectives)
    for (const auto& a : o.actions)
      if (a.id == *id) return &a;
  return nullptr;
}

RecordId EpisodeId(const StepContext& s) { return s.file.episode.id; }

std::vector<CaseworkStep> BuildSteps() {
  std::vector<CaseworkStep> steps;
  const auto allocate = Capability::kAllocateCases;
  const auto work = Capability::kWorkOnCases;

  steps.push_back({"allocate-assessment", "allocate_assessment", allocate,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "ea_officer_id", Kind::kSelect, WorkerOptions(s, {Role::kEaOfficer})),
                                        Field(s, "on", Kind::kDate)};
                   },
                   Nothing, EpisodeVersion,
                   [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.AllocateForAssessment(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"assessment", "assessment", work,
                   [](const StepContext& s) {
                     std::vector<FormField> f;
                     for (OutcomeArea area : AllValues<OutcomeArea>()) {
                       FormField need;
                       need.name = "need." + std::string(ToString(area));
                       need.kind = Kind::kTextarea;
                       need.label = M(s).Format("casework.label.need", {{"area", M(s).Get("reason." + std::string(ToString(area)))}});
                       f.push_back(std::move(need));
                     }
                     f.push_back(Field(s, "strengths", Kind::kTextarea));
                     f.push_back(Field(s, "family_wants", Kind::kTextarea));
                     AddChildViews(s, f);
                     return f;
                   },
                   [](const StepContext& s) {
                     Input in;
                     if (!s.file.assessment) return in;
                     for (const auto& [area, need] : s.file.assessment->needs)
                       in.Add("need." + std::string(ToString(area)), need);
                     in.Add("strengths", s.file.assessment->strengths);
                     in.Add("family_wants", s.file.assessment->family_wants);
                     AddChildViewValues(s.file.assessment->child_views, in);
                     return in;
                   },
                   [](const StepContext& s) { return s.file.assessment ? s.file.assessment->version : 0; },
                   [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.casework.SaveAssessment(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"complete-assessment", "complete_assessment", work,
                   [](const StepContext& s) { return std::vector{Field(s, "on", Kind::kDate)}; }, Nothing,
                   EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.CompleteAssessment(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"allocate-brokerage", "allocate_brokerage", allocate,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "br_officer_id", Kind::kSelect, WorkerOptions(s, {Role::kBrOfficer})),
                                        Field(s, "on", Kind::kDate)};
                   },
                   Nothing, EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.AllocateForBrokerage(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"appraisals/new", "request_appraisal", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "kind", Kind::kSelect, Options<Agency>(s, "agency")),
                                        Field(s, "question", Kind::kTextarea), Field(s, "requested_on", Kind::kDate),
                                        Field(s, "due_on", Kind::kDate)};
                   },
                   Nothing, NoVersion, [](const StepContext& s, const Input& in, int) {
                     return Done(s.deps.services.casework.RequestAppraisal(s.ctx.Who(), EpisodeId(s), in));
                   }});

  steps.push_back({"plan", "plan", work,
                   [](const StepContext& s) {
                     std::vector<FormField> f{Field(s, "family_words", Kind::kTextarea), Field(s, "agreed_on", Kind::kDate)};
                     AddChildViews(s, f);
                     return f;
                   },
                   [](const StepContext& s) {
                     Input in;
                     if (!s.file.plan) return in;
                     in.Add("family_words", s.file.plan->family_words);
                     if (s.file.plan->agreed_on) in.Add("agreed_on", s.file.plan->agreed_on->ToString());
                     AddChildViewValues(s.file.plan->child_views, in);
                     return in;
                   },
                   [](const StepContext& s) { return s.file.plan ? s.file.plan->version : 0; },
                   [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.casework.SavePlan(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"objectives/new", "add_objective", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "outcome", Kind::kTextarea), Field(s, "measure", Kind::kTextarea),
                                        Field(s, "who", Kind::kText), Field(s, "target_on", Kind::kDate)};
                   },
                   Nothing, NoVersion, [](const StepContext& s, const Input& in, int) {
                     return Done(s.deps.services.casework.AddObjective(s.ctx.Who(), EpisodeId(s), in));
                   }});

  steps.push_back({"objectives/{objective_id}/actions/new", "add_action", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "description", Kind::kTextarea),
                                        Field(s, "service_id", Kind::kSelect, OwnerOptions(s)),
                                        Field(s, "due_on", Kind::kDate),
                                        Field(s, "status", Kind::kSelect, Options<ActionStatus>(s, "action_status"))};
                   },
                   Nothing, NoVersion, [](const StepContext& s, const Input& in, int) -> Result<void> {
                     const auto objective = s.ctx.IdParam("objective_id");
                     if (!objective) return Error::NotFound("objective");
                     return Done(s.deps.services.casework.AddAction(s.ctx.Who(), EpisodeId(s), *objective, in));
                   }});

  steps.push_back({"actions/{action_id}", "update_action", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "status", Kind::kSelect, Options<ActionStatus>(s, "action_status")),
                                        Field(s, "due_on", Kind::kDate)};
                   },
                   [](const StepContext& s) {
                     Input in;
                     if (const PlanAction* a = ActionOf(s)) {
                       in.Add("status", std::string(ToString(a->status)));
                       if (a->due_on) in.Add("due_on", a->due_on->ToString());
                     }
                     return in;
                   },
                   [](const StepContext& s) {
                     const PlanAction* a = ActionOf(s);
                     return a ? a->version : -1;
                   },
                   [](const StepContext& s, const Input& in, int v) -> Result<void> {
                     const auto action = s.ctx.IdParam("action_id");
                     if (!action || !ActionOf(s)) return Error::NotFound("action");
                     return Done(s.deps.services.casework.UpdateAction(s.ctx.Who(), *action, in, v));
                   },
                   /*submit_needs_file=*/true});

  steps.push_back({"complete-plan", "complete_plan", work,
                   [](const StepContext& s) { return std::vector{Field(s, "on", Kind::kDate)}; }, Nothing,
                   EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.CompletePlan(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"panel-decision", "panel_decision", allocate,
                   [](const StepContext& s) {
                     return std::vector{
                         Field(s, "meeting_id", Kind::kSelect, MeetingOptions(s)),
                         Field(s, "outcome", Kind::kRadios, Options<PanelOutcome>(s, "panel_outcome")),
                         Field(s, "team_id", Kind::kSelect, TeamOptions(s)),
                         Field(s, "worker_id", Kind::kSelect,
                               WorkerOptions(s, {Role::kInterventionWorker, Role::kFamilyAide})),
                         Field(s, "intervention_started_on", Kind::kDate), Field(s, "reasons", Kind::kTextarea)};
                   },
                   // Opened from a meeting's page (?meeting=ID), the form starts with that meeting chosen.
                   [](const StepContext& s) {
                     Input in;
                     const std::string& meeting = s.ctx.query.Get("meeting");
                     if (!meeting.empty()) in.Add("meeting_id", meeting);
                     return in;
                   },
                   EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.PanelDecide(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"contacts/new", "add_contact", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "on", Kind::kDate),
                                        Field(s, "kind", Kind::kSelect, Options<ContactKind>(s, "contact_kind")),
                                        Field(s, "children_seen", Kind::kCheckboxes, ChildOptions(s)),
                                        Field(s, "seen", Kind::kText), Field(s, "note", Kind::kTextarea)};
                   },
                   Nothing, NoVersion, [](const StepContext& s, const Input& in, int) {
                     return Done(s.deps.services.casework.AddContact(s.ctx.Who(), EpisodeId(s), in));
                   }});

  steps.push_back({"taf-meetings/new", "add_taf", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "on", Kind::kDate), Field(s, "attendees", Kind::kTextarea),
                                        Field(s, "agencies", Kind::kCheckboxes, Options<Agency>(s, "agency")),
                                        Field(s, "lead_practitioner_id", Kind::kSelect, PractitionerOptions(s)),
                                        Field(s, "decisions", Kind::kTextarea), Field(s, "next_meeting_on", Kind::kDate)};
                   },
                   Nothing, NoVersion, [](const StepContext& s, const Input& in, int) {
                     return Done(s.deps.services.casework.AddTafMeeting(s.ctx.Who(), EpisodeId(s), in));
                   }});

  steps.push_back({"change-worker", "change_worker", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "worker_id", Kind::kSelect,
                                              WorkerOptions(s, {Role::kInterventionWorker, Role::kFamilyAide})),
                                        Field(s, "on", Kind::kDate), Field(s, "reason", Kind::kText)};
                   },
                   Nothing, EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.ChangeWorker(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"start-review", "start_review", work,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "on", Kind::kDate), Field(s, "next_steps", Kind::kTextarea)};
                   },
                   Nothing, EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.StartReview(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"close", "close", work,
                   [](const StepContext& s) {
                     auto f = std::vector{
                         Field(s, "on", Kind::kDate),
                         Field(s, "closure_reason", Kind::kRadios, Options<ClosureReason>(s, "closure_reason")),
                         Field(s, "closure_summary", Kind::kTextarea), Field(s, "exit_plan", Kind::kTextarea)};
                     AddNeedOutcomes(s, f);
                     f.push_back(Field(s, "statutory_kind", Kind::kSelect, Options<StatutoryKind>(s, "statutory_kind")));
                     f.push_back(Field(s, "statutory_person_id", Kind::kSelect, ChildOptions(s)));
                     f.push_back(Field(s, "statutory_started_on", Kind::kDate));
                     return f;
                   },
                   Nothing, EpisodeVersion, [](const StepContext& s, const Input& in, int v) {
                     return Done(s.deps.services.journey.Close(s.ctx.Who(), EpisodeId(s), in, v));
                   }});

  steps.push_back({"statutory/new", "record_statutory", Capability::kRecordStatutory,
                   [](const StepContext& s) {
                     return std::vector{Field(s, "kind", Kind::kSelect, Options<StatutoryKind>(s, "statutory_kind")),
                                        Field(s, "person_id", Kind::kSelect, ChildOptions(s)),
                                        Field(s, "started_on", Kind::kDate), Field(s, "ended_on", Kind::kDate)};
                   },
                   Nothing, NoVersion, [](const StepContext& s, const Input& in, int) {
                     return Done(s.deps.services.casework.RecordStatutory(s.ctx.Who(), s.file.episode.family_id, in));
                   }});
  return steps;
}

}  // namespace

bool EditsVersionedRecord(const CaseworkStep& step) { return step.version != NoVersion; }

const std::vector<CaseworkStep>& CaseworkSteps() {
  static const std::vector<CaseworkStep> steps = BuildSteps();
  return steps;
}

}  // namespace hearth::http
