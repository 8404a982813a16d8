#include "http/views.hpp"

#include <fstream>
#include <sstream>

namespace hearth::http {
namespace {
std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Puts "a.b.c" = text into nested objects t -> a -> b -> c.
void SetNested(mustache::data& root, const std::string& key, const std::string& text) {
  mustache::data* node = &root;
  std::size_t start = 0;
  for (;;) {
    const auto dot = key.find('.', start);
    const std::string part = key.substr(start, dot - start);
    if (dot == std::string::npos) {
      node->set(part, text);
      return;
    }
    if (node->get(part) == nullptr) node->set(part, mustache::data{mustache::data::type::object});
    node = const_cast<mustache::data*>(node->get(part));
    start = dot + 1;
  }
}

// Messages are fixed for the life of the process, so {{t.key}} tags are replaced by their (escaped) text once, when
// templates load: rendering then does no lookups for the words of the page.
std::string InlineMessages(const std::string& source, const MessageCatalogue& messages) {
  std::string out;
  out.reserve(source.size());
  std::size_t pos = 0;
  for (;;) {
    const std::size_t open = source.find("{{", pos);
    if (open == std::string::npos) break;
    const bool raw = source.compare(open, 3, "{{{") == 0;
    const std::size_t name_at = open + (raw ? 3 : 2);
    if (source.compare(name_at, 2, "t.") != 0) {
      out.append(source, pos, name_at - pos);
      pos = name_at;
      continue;
    }
    const std::size_t close = source.find(raw ? "}}}" : "}}", name_at);
    if (close == std::string::npos) break;
    const std::string key = source.substr(name_at + 2, close - name_at - 2);
    out.append(source, pos, open - pos);
    const std::string& text = messages.Get(key);
    out += raw ? text : mustache::html_escape(text);
    pos = close + (raw ? 3 : 2);
  }
  out.append(source, pos, std::string::npos);
  return out;
}
}  // namespace

mustache::data MustacheBool(bool b) {
  return mustache::data(b ? mustache::data::type::bool_true : mustache::data::type::bool_false);
}

Views::Views(const std::filesystem::path& dir, const MessageCatalogue& messages, std::string asset_version)
    : messages_(messages), asset_version_(std::move(asset_version)) {
  if (!std::filesystem::is_directory(dir)) throw FatalError("templates folder not found: " + dir.string());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    auto rel = std::filesystem::relative(entry.path(), dir);
    rel.replace_extension();
    std::string error;
    auto parsed = mustache::Template::Parse(InlineMessages(ReadFile(entry.path()), messages_), error);
    if (!parsed) throw FatalError("template " + entry.path().string() + ": " + error);
    templates_[rel.generic_string()] = std::move(parsed);
  }
  mustache::data t{mustache::data::type::object};
  for (const auto& [key, text] : messages_.All()) SetNested(t, key, text);
  shared_.set("t", std::move(t));
  shared_.set("asset_version", std::move(asset_version_));
  partials_ = [this](std::string_view name) -> const mustache::Template* {
    auto it = templates_.find(std::string(name));
    return it == templates_.end() ? nullptr : it->second.get();
  };
}

std::string Views::RenderWith(std::string_view template_name, const mustache::data& data) const {
  auto it = templates_.find(std::string(template_name));
  if (it == templates_.end()) throw FatalError("no such template: " + std::string(template_name));
  std::string out;
  out.reserve(16 * 1024);
  it->second->Render(data, &shared_, partials_, out);
  return out;
}

std::string Views::Fragment(std::string_view template_name, const mustache::data& data) const {
  return RenderWith(template_name, data);
}

std::string Views::Page(const RequestContext& ctx, std::string_view template_name, mustache::data data) const {
  std::string content = RenderWith(template_name, data);
  mustache::data layout{mustache::data::type::object};
  if (const auto* title = data.get("title")) layout.set("title", *title);
  layout.set("content", std::move(content));
  layout.set("path", ctx.path);
  if (ctx.principal) {
    const auto& who = *ctx.principal;
    mustache::data user;
    user.set("username", who.username);
    user.set("role", messages_.Get("role." + std::string(ToString(who.role))));
    if (!who.team_name.empty()) user.set("team", who.team_name);  // mustache treats "" as present
    layout.set("user", std::move(user));
    layout.set("csrf_token", who.csrf_token);
    layout.set("can_view_families", MustacheBool(who.Can(Capability::kViewFamilies)));
    layout.set("can_record_referrals", MustacheBool(who.Can(Capability::kRecordReferrals)));
    layout.set("can_manage_users", MustacheBool(who.Can(Capability::kManageUsers)));
    layout.set("can_view_audit", MustacheBool(who.Can(Capability::kViewAudit)));
    layout.set("can_manage_directory", MustacheBool(who.Can(Capability::kManageDirectory)));
    layout.set("can_view_reports", MustacheBool(who.Can(Capability::kViewReports)));
    // Auditors' My work is the list of audits due (WorkListService::CompletesAudits).
    layout.set("has_work", MustacheBool(who.Can(Capability::kWorkOnCases) || who.Can(Capability::kAllocateCases) ||
                                        who.role == Role::kAuditor));
    layout.set("can_allocate", MustacheBool(who.Can(Capability::kAllocateCases)));
    layout.set("answers_appraisals", MustacheBool(who.Can(Capability::kAnswerAppraisals)));
  }
  auto section = [&](std::string_view prefix) { return MustacheBool(ctx.path.starts_with(prefix)); };
  layout.set("nav_families", section("/families"));
  layout.set("nav_referrals", section("/referrals"));
  // The directories have their own navigation items, so /admin/services does not also light up "Users".
  const bool in_directory = ctx.path.starts_with("/admin/services");
  const bool in_practitioners = ctx.path.starts_with("/admin/practitioners");
  layout.set("nav_admin", MustacheBool(ctx.path.starts_with("/admin") && !in_directory && !in_practitioners));
  layout.set("nav_directory", MustacheBool(in_directory));
  layout.set("nav_practitioners", MustacheBool(in_practitioners));
  layout.set("nav_work", section("/my-work"));
  layout.set("nav_panel", section("/panel"));
  layout.set("nav_appraisals", section("/appraisals"));
  layout.set("nav_reports", section("/reports"));
  return RenderWith("layout", layout);
}

std::string FieldId(std::string_view field) {
  std::string id;
  for (char c : field) {
    if (c == '[' || c == '.') {
      if (!id.empty() && id.back() != '-') id += '-';
    } else if (c != ']') {
      id += c;
    }
  }
  return id;
}

std::string FieldErrorText(const FieldError& e, const MessageCatalogue& messages) {
  // "people[0].given_name" is labelled by "field.given_name"; "family.postcode" by "field.postcode".
  std::string base = e.field;
  if (auto dot = base.rfind('.'); dot != std::string::npos) base = base.substr(dot + 1);
  std::string text = messages.Format(e.message_key, {{"field", messages.Get("field." + base)}});
  // Labels are lower case to sit inside sentences ("Enter date of birth"); a sentence starts with a capital.
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') text.front() = static_cast<char>(text.front() - 32);
  return text;
}

mustache::data FormData(const Input& values, const Error* error, const MessageCatalogue& messages) {
  mustache::data form{mustache::data::type::object};
  mustache::data vals{mustache::data::type::object};
  mustache::data checked{mustache::data::type::object};
  for (const auto& [name, list] : values.Values()) {
    const std::string id = FieldId(name);
    if (!list.empty()) vals.set(id, list.front());
    mustache::data marks{mustache::data::type::object};
    for (const auto& v : list) marks.set(v, MustacheBool(true));
    checked.set(id, marks);
  }
  form.set("values", std::move(vals));
  form.set("checked", std::move(checked));
  mustache::data errors{mustache::data::type::object};
  mustache::data summary{mustache::data::type::list};
  if (error != nullptr) {
    for (const auto& f : error->fields) {
      const std::string id = FieldId(f.field);
      const std::string text = FieldErrorText(f, messages);
      if (errors.get(id) == nullptr) errors.set(id, text);
      mustache::data item;
      item.set("href", "#" + id);
      item.set("text", text);
      summary.push_back(item);
    }
    if (error->fields.empty()) {
      mustache::data item;
      item.set("text", messages.Get(error->message_key));
      summary.push_back(std::move(item));
    }
  }
  form.set("errors", std::move(errors));
  form.set("error_summary", std::move(summary));
  form.set("has_errors", MustacheBool(error != nullptr));
  return form;
}

mustache::data PaginationData(int page, int page_size, int total, const std::string& base_href) {
  mustache::data p{mustache::data::type::object};
  const int pages = total == 0 ? 1 : (total + page_size - 1) / page_size;
  const std::string joiner = base_href.find('?') == std::string::npos ? "?" : "&";
  auto href = [&](int n) { return base_href + joiner + "page=" + std::to_string(n); };
  p.set("show", MustacheBool(pages > 1));
  p.set("page", std::to_string(page));
  p.set("pages", std::to_string(pages));
  p.set("total", std::to_string(total));
  if (page > 1) p.set("previous", href(page - 1));
  if (page < pages) p.set("next", href(page + 1));
  mustache::data items{mustache::data::type::list};
  for (int n = 1; n <= pages; ++n) {
    const bool near = n == 1 || n == pages || (n >= page - 2 && n <= page + 2);
    if (!near) {
      if (n == page - 3 || n == page + 3) {
        mustache::data gap;
        gap.set("ellipsis", MustacheBool(true));
        items.push_back(std::move(gap));
      }
      continue;
    }
    mustache::data item;
    item.set("number", std::to_string(n));
    item.set("href", href(n));
    item.set("current", MustacheBool(n == page));
    items.push_back(std::move(item));
  }
  p.set("items", std::move(items));
  return p;
}

}  // namespace hearth::http
