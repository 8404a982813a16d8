// A small, fast mustache renderer (variables, {{{raw}}}, sections, inverted sections, partials, comments, dotted
// names). Templates are parsed once into a flat list of nodes with names pre-split; rendering walks the list with
// a stack of contexts and copies no data. Replaces a general-purpose library whose per-tag std::function calls,
// name splitting and data copying cost more than the rest of a page request together (see docs/performance.md).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearth::http::mustache {

// The data a template renders: an object (named members), a list, a string or a boolean.
class data {
 public:
  enum class type { object, string, list, bool_true, bool_false };

  data() = default;
  data(type t) : type_(t) {}  // NOLINT: data{data::type::list} reads naturally
  data(std::string s) : type_(type::string), string_(std::move(s)) {}  // NOLINT
  data(const char* s) : data(std::string(s)) {}                        // NOLINT
  data(bool b) : type_(b ? type::bool_true : type::bool_false) {}      // NOLINT

  // Adds or replaces member `name` of an object.
  void set(std::string name, data value);
  void push_back(data value) { list_.push_back(std::move(value)); }
  const data* get(std::string_view name) const;

  type kind() const { return type_; }
  const std::string& string_value() const { return string_; }
  const std::vector<data>& list_value() const { return list_; }
  bool is_empty_list() const { return type_ == type::list && list_.empty(); }
  // Sections render for: true, a non-empty list, an object, a non-empty string.
  bool truthy() const;

 private:
  type type_ = type::object;
  std::string string_;
  std::vector<data> list_;
  std::vector<std::pair<std::string, data>> members_;
};

std::string html_escape(std::string_view text);
void AppendEscaped(std::string& out, std::string_view text);

class Template;
// Finds a partial by name ("partials/_error_summary"); null when there is none.
using PartialLookup = std::function<const Template*(std::string_view name)>;

class Template {
 public:
  // Parses `source`; on a syntax error (unclosed tag or section) sets `error` and returns null.
  static std::unique_ptr<Template> Parse(std::string_view source, std::string& error);
  // Appends the rendering of this template with `root` (searched after `fallback`, if given, is not) to `out`.
  void Render(const data& root, const data* fallback, const PartialLookup& partials, std::string& out) const;

  struct Node {
    enum class Kind { kText, kEscaped, kRaw, kSection, kInverted, kPartial };
    Kind kind = Kind::kText;
    std::string text;               // literal text, or the partial's name
    std::vector<std::string> path;  // the name split on '.'; {"."} for the current item
    std::size_t end = 0;            // sections: index of the first node after the section
  };

 private:
  void RenderRange(std::size_t begin, std::size_t end, std::vector<const data*>& stack,
                   const PartialLookup& partials, std::string& out, int depth) const;
  std::vector<Node> nodes_;
};

}  // namespace hearth::http::mustache
