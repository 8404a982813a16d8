// A form page's fields built from an instrument's definition (config/instruments): each domain's items as radios of
// their scale, under the domain's title; then the questions as radios (choice, scale, yes/no), a textarea, date
// boxes or a choice of staff. Field names are the item and question ids, so a posted form reduces to Answers and
// each error the definition's rules give lands on its own field and in the error summary.
#pragma once
#include <string>
#include <vector>

#include "domain/instrument.hpp"
#include "http/pages/step_form.hpp"

namespace hearth::http {

struct FormSection {
  std::string title;  // a domain's; empty for the questions
  std::vector<FormField> fields;
};

// `staff` are the choices for a `worker` question.
std::vector<FormSection> InstrumentSections(const Instrument& definition, const std::vector<FormOption>& staff,
                                            const MessageCatalogue& messages);

// The answers of a posted form: every item and question of the definition that has a non-empty value, date boxes
// combined into YYYY-MM-DD.
Answers AnswersFromForm(const Instrument& definition, const Input& form);

// Stored answers as form values (for showing a draft, or a final result's answers to correct when superseding).
Input AnswersAsInput(const Answers& answers);

// The label an answer is shown with on the result page: a scale point's or option's label, yes/no, or the text.
std::string AnswerLabel(const Instrument& definition, const std::string& id, const std::string& value,
                        const MessageCatalogue& messages);

}  // namespace hearth::http
