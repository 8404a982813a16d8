#include "http/pages/instrument_form.hpp"

namespace hearth::http {
namespace {
using Kind = FormField::Kind;

std::vector<FormOption> ScaleOptions(const ResponseScale* scale) {
  std::vector<FormOption> out;
  if (scale == nullptr) return out;
  for (const ScalePoint& p : scale->points) out.push_back({std::to_string(p.value), p.label});
  return out;
}

std::vector<FormOption> YesNo(const MessageCatalogue& m) {
  return {{"yes", m.Get("instruments.yes")}, {"no", m.Get("instruments.no")}};
}

FormField QuestionField(const Instrument& definition, const Question& q, const std::vector<FormOption>& staff,
                        const MessageCatalogue& m) {
  FormField f;
  f.name = q.id;
  f.label = q.text;
  f.hint = q.hint;
  switch (q.kind) {
    case QuestionKind::kChoice:
      f.kind = Kind::kRadios;
      for (const ChoiceOption& o : q.options) f.options.push_back({o.value, o.label});
      break;
    case QuestionKind::kScale:
      f.kind = Kind::kRadios;
      f.options = ScaleOptions(definition.FindScale(q.scale));
      break;
    case QuestionKind::kYesNo:
      f.kind = Kind::kRadios;
      f.options = YesNo(m);
      break;
    case QuestionKind::kText:
      f.kind = Kind::kTextarea;
      break;
    case QuestionKind::kDate:
      f.kind = Kind::kDate;
      if (f.hint.empty()) f.hint = m.Get("instruments.hint_date");
      break;
    case QuestionKind::kWorker:
      f.kind = Kind::kSelect;
      f.options = staff;
      break;
  }
  return f;
}
}  // namespace

std::vector<FormSection> InstrumentSections(const Instrument& definition, const std::vector<FormOption>& staff,
                                            const MessageCatalogue& messages) {
  std::vector<FormSection> out;
  for (const ScoreDomain& domain : definition.domains) {
    FormSection section{domain.title, {}};
    for (const Item& item : definition.items) {
      if (item.domain != domain.id) continue;
      FormField f;
      f.name = item.id;
      f.label = item.text;
      f.kind = Kind::kRadios;
      f.options = ScaleOptions(definition.FindScale(item.scale));
      section.fields.push_back(std::move(f));
    }
    out.push_back(std::move(section));
  }
  if (!definition.questions.empty()) {
    FormSection questions;
    for (const Question& q : definition.questions)
      questions.fields.push_back(QuestionField(definition, q, staff, messages));
    out.push_back(std::move(questions));
  }
  return out;
}

Answers AnswersFromForm(const Instrument& definition, const Input& form) {
  std::vector<FormField> dates;
  for (const Question& q : definition.questions)
    if (q.kind == QuestionKind::kDate) dates.push_back(FormField{q.id, Kind::kDate, "", "", {}});
  const Input combined = StepFormInput(form, dates);
  Answers out;
  const auto take = [&](const std::string& id) {
    const std::string& value = combined.Get(id);
    if (!value.empty()) out[id] = value;
  };
  for (const Item& item : definition.items) take(item.id);
  for (const Question& q : definition.questions) take(q.id);
  return out;
}

Input AnswersAsInput(const Answers& answers) {
  Input in;
  for (const auto& [id, value] : answers) in.Add(id, value);
  return in;
}

std::string AnswerLabel(const Instrument& definition, const std::string& id, const std::string& value,
                        const MessageCatalogue& messages) {
  for (const Item& item : definition.items)
    if (item.id == id)
      for (const FormOption& o : ScaleOptions(definition.FindScale(item.scale)))
        if (o.value == value) return value + " – " + o.label;
  for (const Question& q : definition.questions) {
    if (q.id != id) continue;
    if (q.kind == QuestionKind::kYesNo && (value == "yes" || value == "no"))
      return messages.Get("instruments." + value);
    if (q.kind == QuestionKind::kChoice)
      for (const ChoiceOption& o : q.options)
        if (o.value == value) return o.label;
    if (q.kind == QuestionKind::kScale)
      for (const FormOption& o : ScaleOptions(definition.FindScale(q.scale)))
        if (o.value == value) return value + " – " + o.label;
  }
  return value;
}

}  // namespace hearth::http
