// Server-side HTML: mustache templates from web/templates, every string from the message catalogue.
// A page template renders inside layout.mustache (GOV.UK header, navigation, footer).
#pragma once
#include <filesystem>
#include <string>
#include <unordered_map>

#include "common/error.hpp"
#include "common/messages.hpp"
#include "domain/enum_names.hpp"
#include "domain/input.hpp"
#include "http/request_context.hpp"
#include "http/template_engine.hpp"

namespace hearth::http {

class Views {
 public:
  // Loads every *.mustache under `templates_dir`; files whose name starts with "_" are partials, used as
  // {{> folder/_name}}. Throws FatalError naming the template that does not parse.
  Views(const std::filesystem::path& templates_dir, const MessageCatalogue& messages, std::string asset_version);

  // `template_name` (e.g. "families/show") rendered with `data`, inside the layout. `data` must set
  // "title" (already translated).
  std::string Page(const RequestContext& ctx, std::string_view template_name, mustache::data data) const;
  std::string Fragment(std::string_view template_name, const mustache::data& data) const;
  const MessageCatalogue& Messages() const { return messages_; }
  const std::string& T(std::string_view key) const { return messages_.Get(key); }
  bool HasTemplate(std::string_view name) const { return templates_.count(std::string(name)) > 0; }

 private:
  std::string RenderWith(std::string_view template_name, const mustache::data& data) const;
  std::unordered_map<std::string, std::unique_ptr<mustache::Template>> templates_;
  const MessageCatalogue& messages_;
  mustache::data shared_;  // "t" (messages, nested by dotted key) and the asset version, under every page's data
  mustache::PartialLookup partials_;
  std::string asset_version_;
};

// A mustache boolean (sections render for true); mustache treats any string, even "false", as true.
mustache::data MustacheBool(bool b);

// Element ids for field names: "people[0].given_name" -> "people-0-given_name" (safe in mustache and CSS).
std::string FieldId(std::string_view field);

// Form state for a template: values.<id>, checked.<id>.<value>, errors.<id> (text), error_summary [{href, text}],
// has_errors. `error` may be null (a fresh form).
mustache::data FormData(const Input& values, const Error* error, const MessageCatalogue& messages);

// The text of one field error: the message with {field} replaced by the field's label (catalogue "field.<name>").
std::string FieldErrorText(const FieldError& e, const MessageCatalogue& messages);

// Radio/select options for an enumeration: [{value, label, selected}], labels from "<prefix>.<value>".
template <class E>
mustache::data EnumOptions(const MessageCatalogue& messages, std::string_view prefix, std::string_view selected) {
  mustache::data list{mustache::data::type::list};
  for (E value : AllValues<E>()) {
    const std::string name(ToString(value));
    mustache::data item;
    item.set("value", name);
    item.set("label", messages.Get(std::string(prefix) + "." + name));
    item.set("selected", MustacheBool(name == selected));
    list.push_back(item);
  }
  return list;
}

// "Page N of M" navigation for GOV.UK pagination: previous/next hrefs and numbered items around `page`.
mustache::data PaginationData(int page, int page_size, int total, const std::string& base_href);

}  // namespace hearth::http
