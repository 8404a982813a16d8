// Template data for one form field at a time: its id, submitted value, label, hint and inline error, and
// for choices the options with their checked state. Every key a field template reads is always set, because
// a mustache name missing from the field would be looked up in the enclosing data instead.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "http/views.hpp"

namespace hearth::http {

struct FieldOptions {
  FieldOptions& Hint(std::string v) {
    hint = std::move(v);
    return *this;
  }
  FieldOptions& Classes(std::string v) {
    classes = std::move(v);
    return *this;
  }
  FieldOptions& Autocomplete(std::string v) {
    autocomplete = std::move(v);
    return *this;
  }
  FieldOptions& Inline(bool v) {
    inline_items = v;
    return *this;
  }
  FieldOptions& Blank(std::string v) {
    blank_label = std::move(v);
    return *this;
  }

  std::string hint;
  std::string classes;        // extra classes on the input, e.g. "govuk-input--width-10"
  std::string autocomplete;   // "" for none
  bool inline_items = false;  // radios side by side (yes/no)
  std::string blank_label;    // selects: a first, empty option with this text ("" for none)
};

class FieldData {
 public:
  // `error` may be null (a fresh form). Errors are matched to fields by their exact name.
  FieldData(const Input& values, const Error* error, const MessageCatalogue& messages);

  // {id, name, value, label, hint, has_hint, error_text, has_error, describedby, has_describedby, classes,
  //  autocomplete, has_autocomplete}
  mustache::data Text(const std::string& name, const std::string& label, const FieldOptions& options = {}) const;
  // Text() plus items [{id, name, value, label, checked}] and inline, has_blank, blank_label. The first item's
  // id is the field id, so that the error summary link lands on it.
  mustache::data Choice(const std::string& name, const std::string& label,
                        const std::vector<std::pair<std::string, std::string>>& items,
                        const FieldOptions& options = {}) const;
  // Choice() over every value of E, labelled "<prefix>.<value>".
  template <class E>
  mustache::data EnumChoice(const std::string& name, const std::string& label, std::string_view prefix,
                            const FieldOptions& options = {}) const {
    std::vector<std::pair<std::string, std::string>> items;
    for (E value : AllValues<E>()) {
      std::string v(ToString(value));
      items.emplace_back(v, messages_.Get(std::string(prefix) + "." + v));
    }
    return Choice(name, label, items, options);
  }

 private:
  const Input& values_;
  const MessageCatalogue& messages_;
  std::map<std::string, std::string> errors_;  // field name -> first error text
};

// A stable order for the error summary: fields ranked by `rank` (lower first), ties in their original order.
void OrderFieldErrors(Error& error, int (*rank)(const std::string& field));

// "2026-03-01T10:15:30Z" -> "2026-03-01 10:15:30" for tables; anything else unchanged.
std::string ReadableTimestamp(const std::string& iso);

}  // namespace hearth::http
