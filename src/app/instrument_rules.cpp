#include "app/instrument_rules.hpp"

#include <charconv>

namespace hearth {

std::string_view AuditRecordType(std::string_view instrument) {
  if (instrument == "ace_checklist") return "ace";
  if (instrument == "relationship_feedback" || instrument == "service_user_feedback") return "feedback";
  if (instrument == "management_oversight") return "oversight";
  if (instrument == "quality_audit") return "audit";
  return "assessment";
}

Error InstrumentFieldProblem(std::string field, std::string key) {
  return Error::Validation({FieldError{std::move(field), std::move(key)}}, "instrument result refused");
}

std::optional<Error> CheckStart(UnitOfWork& uow, const Instrument& definition, const Episode& episode,
                                const AssessmentStart& start) {
  const bool any_time = definition.stages.size() == 1 && definition.stages[0] == InstrumentStage::kAny;
  if (any_time ? start.stage != InstrumentStage::kAny
               : (start.stage == InstrumentStage::kAny || !definition.TakenAt(start.stage)))
    return InstrumentFieldProblem("stage", "error.instrument.stage");
  if (start.assessed_on < episode.opened_on || Date::TodayUtc() < start.assessed_on)
    return InstrumentFieldProblem("assessed_on", "error.instrument.assessed_on");
  if (definition.per == InstrumentSubject::kEpisode) {
    if (start.person_id) return InstrumentFieldProblem("person_id", "error.instrument.person");
    return std::nullopt;
  }
  if (!start.person_id) return InstrumentFieldProblem("person_id", "error.instrument.person");
  const auto person = uow.People().FindById(*start.person_id);
  if (!person || person->family_id != episode.family_id ||
      (definition.person_role && person->role != *definition.person_role))
    return InstrumentFieldProblem("person_id", "error.instrument.person");
  return std::nullopt;
}

void FileUnderAnsweredDate(const Instrument& definition, InstrumentResult& result) {
  if (definition.questions.empty() || definition.questions.front().kind != QuestionKind::kDate) return;
  const auto it = result.answers.find(definition.questions.front().id);
  if (it == result.answers.end()) return;
  if (const auto date = Date::Parse(it->second)) result.assessed_on = *date;
}

std::optional<Error> CheckWorkers(UnitOfWork& uow, const Instrument& definition, const Answers& answers) {
  std::vector<FieldError> problems;
  for (const Question& q : definition.questions) {
    if (q.kind != QuestionKind::kWorker) continue;
    const auto it = answers.find(q.id);
    if (it == answers.end() || it->second.empty()) continue;
    RecordId id = 0;
    const std::string& text = it->second;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || !uow.Users().FindById(id))
      problems.push_back(FieldError{q.id, "error.instrument.unknown_worker"});
  }
  if (problems.empty()) return std::nullopt;
  return Error::Validation(std::move(problems), "worker answer names no member of staff");
}

}  // namespace hearth
