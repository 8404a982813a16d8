#include "domain/casework_rules.hpp"

#include "domain/field_rules.hpp"

namespace hearth {

using namespace rules;

namespace {
// child_view.<person id> fields, in id order; empty views are left out.
std::vector<ChildView> ChildViews(const Input& in, std::vector<FieldError>& errors) {
  std::vector<ChildView> out;
  constexpr std::string_view kPrefix = "child_view.";
  for (const auto& [name, values] : in.Values()) {
    if (!name.starts_with(kPrefix)) continue;
    const std::string id_text = name.substr(kPrefix.size());
    Input one;
    one.Add(name, id_text);
    const RecordId id = IdField(one, name, true, errors);
    const std::string views = OptionalText(in, name, kTextMax, errors, Lines::kMany);
    if (id != 0 && !views.empty()) out.push_back({id, views});
  }
  return out;
}
}  // namespace

Result<FamilyAssessment> AssessmentFromInput(const Input& in) {
  std::vector<FieldError> errors;
  FamilyAssessment a;
  for (OutcomeArea area : AllValues<OutcomeArea>()) {
    const std::string field = "need." + std::string(ToString(area));
    std::string need = OptionalText(in, field, kTextMax, errors, Lines::kMany);
    if (!need.empty()) a.needs[area] = std::move(need);
  }
  for (const auto& [name, values] : in.Values())
    if (name.starts_with("need.") && !ParseEnum<OutcomeArea>(std::string_view(name).substr(5)))
      errors.push_back({name, "error.choice_invalid"});
  a.strengths = OptionalText(in, "strengths", kTextMax, errors, Lines::kMany);
  a.family_wants = OptionalText(in, "family_wants", kTextMax, errors, Lines::kMany);
  a.child_views = ChildViews(in, errors);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return a;
}

Result<Appraisal> AppraisalRequestFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  Appraisal a;
  auto kind = EnumField<Agency>(in, "kind", true, errors);
  if (kind) a.kind = *kind;
  a.question = RequiredText(in, "question", kTextMax, errors, Lines::kMany);
  a.requested_on = DateField(in, "requested_on", false, today, errors).value_or(today);
  auto due = DateField(in, "due_on", true, std::nullopt, errors);
  if (due) {
    a.due_on = *due;
    if (*due < a.requested_on) errors.push_back({"due_on", "error.due_before_requested"});
  }
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return a;
}

Result<Appraisal> AppraisalAnswerFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  Appraisal a;
  a.recommendations = RequiredText(in, "recommendations", kTextMax, errors, Lines::kMany);
  a.commitments = OptionalText(in, "commitments", kTextMax, errors, Lines::kMany);
  a.completed_on = DateField(in, "completed_on", false, today, errors).value_or(today);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return a;
}

Result<FamilyPlan> PlanFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  FamilyPlan p;
  p.family_words = OptionalText(in, "family_words", kTextMax, errors, Lines::kMany);
  p.agreed_on = DateField(in, "agreed_on", false, today, errors);
  p.child_views = ChildViews(in, errors);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return p;
}

Result<Objective> ObjectiveFromInput(const Input& in) {
  std::vector<FieldError> errors;
  Objective o;
  o.outcome = RequiredText(in, "outcome", kTextMax, errors, Lines::kMany);
  o.measure = RequiredText(in, "measure", kTextMax, errors, Lines::kMany);
  o.who = RequiredText(in, "who", kLineMax, errors);
  auto target = DateField(in, "target_on", true, std::nullopt, errors);
  if (target) o.target_on = *target;
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return o;
}

Result<PlanAction> ActionFromInput(const Input& in) {
  std::vector<FieldError> errors;
  PlanAction a;
  a.description = RequiredText(in, "description", kTextMax, errors, Lines::kMany);
  if (Trim(in.Get("service_id")) != "family") a.service_id = IdField(in, "service_id", false, errors);
  a.due_on = DateField(in, "due_on", false, std::nullopt, errors);
  a.status = EnumField<ActionStatus>(in, "status", false, errors).value_or(ActionStatus::kNotStarted);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return a;
}

Result<Contact> ContactFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  Contact c;
  auto on = DateField(in, "on", true, today, errors);
  if (on) c.on = *on;
  auto kind = EnumField<ContactKind>(in, "kind", true, errors);
  if (kind) c.kind = *kind;
  for (auto id : IdListField(in, "children_seen", errors)) c.children_seen.push_back(id);
  c.seen = OptionalText(in, "seen", kLineMax, errors);
  c.note = OptionalText(in, "note", kTextMax, errors, Lines::kMany);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return c;
}

Result<TafMeeting> TafMeetingFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  TafMeeting m;
  auto on = DateField(in, "on", true, today, errors);
  if (on) m.on = *on;
  m.attendees = RequiredText(in, "attendees", kTextMax, errors, Lines::kMany);
  m.agencies = EnumListField<Agency>(in, "agencies", errors);
  m.lead_practitioner_id = IdField(in, "lead_practitioner_id", true, errors);
  m.decisions = OptionalText(in, "decisions", kTextMax, errors, Lines::kMany);
  m.next_meeting_on = DateField(in, "next_meeting_on", false, std::nullopt, errors);
  if (on && m.next_meeting_on && *m.next_meeting_on <= *on)
    errors.push_back({"next_meeting_on", "error.next_meeting_not_after"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return m;
}

Result<PlanReview> PlanReviewFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  PlanReview r;
  auto on = DateField(in, "on", true, today, errors);
  if (on) r.on = *on;
  r.next_steps = RequiredText(in, "next_steps", kTextMax, errors, Lines::kMany);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return r;
}

Result<StatutoryInvolvement> StatutoryFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  StatutoryInvolvement s;
  auto kind = EnumField<StatutoryKind>(in, "kind", true, errors);
  if (kind) s.kind = *kind;
  s.person_id = IdField(in, "person_id", false, errors);
  auto started = DateField(in, "started_on", true, today, errors);
  if (started) s.started_on = *started;
  s.ended_on = DateField(in, "ended_on", false, today, errors);
  if (started && s.ended_on && *s.ended_on < *started) errors.push_back({"ended_on", "error.ended_before_started"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return s;
}

Result<Date> StepDate(const Input& in, const Date& today, const std::string& field) {
  std::vector<FieldError> errors;
  auto on = DateField(in, field, true, today, errors);
  if (!on) return Error::Validation(std::move(errors));
  return *on;
}

}  // namespace hearth
