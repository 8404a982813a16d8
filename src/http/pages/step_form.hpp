// One GOV.UK form page for every casework step (allocations, assessment, plan, appraisals, contacts, TAF, panel,
// review, closure): a step declares its fields, and this renders them with labels and hints from the catalogue,
// the values typed, inline errors and the error summary, and turns the GOV.UK date boxes back into YYYY-MM-DD.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "common/messages.hpp"
#include "domain/input.hpp"
#include "http/request_context.hpp"
#include "http/routes.hpp"
#include "http/template_engine.hpp"

namespace hearth::http {

struct FormOption {
  std::string value;
  std::string label;
};

struct FormField {
  enum class Kind { kText, kTextarea, kDate, kSelect, kRadios, kCheckboxes };
  std::string name;
  Kind kind = Kind::kText;
  std::string label;                // already translated
  std::string hint;                 // already translated; may be empty
  std::vector<FormOption> options;  // select, radios, checkboxes
};

struct StepForm {
  std::string title;
  std::string caption;    // the family, above the title
  std::string action;     // where the form posts
  std::string back_href;  // the episode page
  std::string back_text;  // the back link's words; empty: "Back to the episode"
  std::string button;
  std::string version;  // the version the form edits; empty when none
  std::vector<FormField> fields;
  // After a stale save: the stored values of the same fields, shown beside what the user typed.
  std::vector<std::pair<std::string, std::string>> theirs;
};

// The submitted form with every date field's day/month/year boxes combined into one YYYY-MM-DD value (a value
// that is not three numbers stays malformed, so the date rule refuses it with its own message). A plain
// `<name>=YYYY-MM-DD` is accepted too, as the JSON API spells it.
Input StepFormInput(const Input& form, const std::vector<FormField>& fields);

// The three boxes as YYYY-MM-DD, or a value the date rule refuses.
std::string DateFromBoxes(const std::string& day, const std::string& month, const std::string& year);

// One field for web/templates/casework/_form_field.mustache: its label, hint, value (date boxes split), options
// with the chosen ones checked, and its inline error.
mustache::data FormFieldData(const FormField& f, const Input& values, const Error* error,
                             const MessageCatalogue& messages);

RawResponse RenderStepForm(const RequestContext& ctx, const Views& views, bhttp::status status, const StepForm& form,
                           const Input& values, const Error* error);

// The version field of a posted form; -1 when missing or garbled (it then cannot match, so the save is stale).
int FormVersion(const Input& form);

}  // namespace hearth::http
