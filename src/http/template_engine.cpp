#include "http/template_engine.hpp"

namespace hearth::http::mustache {

void data::set(std::string name, data value) {
  for (auto& [key, existing] : members_)
    if (key == name) {
      existing = std::move(value);
      return;
    }
  members_.emplace_back(std::move(name), std::move(value));
}

const data* data::get(std::string_view name) const {
  for (const auto& [key, value] : members_)
    if (key == name) return &value;
  return nullptr;
}

bool data::truthy() const {
  switch (type_) {
    case type::object: return true;
    case type::string: return !string_.empty();
    case type::list: return !list_.empty();
    case type::bool_true: return true;
    case type::bool_false: return false;
  }
  return false;
}

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(out, text);
  return out;
}

namespace {
std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitPath(std::string_view name) {
  if (name == ".") return {"."};
  std::vector<std::string> path;
  std::size_t start = 0;
  for (;;) {
    const auto dot = name.find('.', start);
    path.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return path;
    start = dot + 1;
  }
}

// Resolves a dotted name: the first part is looked for from the innermost context outwards, the rest inside it.
const data* Lookup(const std::vector<const data*>& stack, const std::vector<std::string>& path) {
  if (path.size() == 1 && path[0] == ".") return stack.back();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const data* found = (*it)->get(path[0]);
    if (found == nullptr) continue;
    for (std::size_t i = 1; i < path.size() && found != nullptr; ++i) found = found->get(path[i]);
    return found;
  }
  return nullptr;
}

constexpr int kMaxPartialDepth = 16;  // a partial that includes itself would otherwise recurse forever
}  // namespace

std::unique_ptr<Template> Template::Parse(std::string_view source, std::string& error) {
  auto tmpl = std::make_unique<Template>();
  std::vector<std::size_t> open_sections;
  std::size_t pos = 0;
  while (pos < source.size()) {
    const auto open = source.find("{{", pos);
    if (open == std::string_view::npos) {
      tmpl->nodes_.push_back({Node::Kind::kText, std::string(source.substr(pos)), {}, 0});
      break;
    }
    if (open > pos) tmpl->nodes_.push_back({Node::Kind::kText, std::string(source.substr(pos, open - pos)), {}, 0});
    const bool triple = source.compare(open, 3, "{{{") == 0;
    const auto close = source.find(triple ? "}}}" : "}}", open);
    if (close == std::string_view::npos) {
      error = "unclosed tag at byte " + std::to_string(open);
      return nullptr;
    }
    std::string_view tag = source.substr(open + (triple ? 3 : 2), close - open - (triple ? 3 : 2));
    pos = close + (triple ? 3 : 2);
    if (triple) {
      tmpl->nodes_.push_back({Node::Kind::kRaw, {}, SplitPath(TrimView(tag)), 0});
      continue;
    }
    tag = TrimView(tag);
    if (tag.empty()) continue;
    const char sigil = tag.front();
    const std::string_view name = TrimView(tag.substr(1));
    switch (sigil) {
      case '!':
        break;
      case '&':
        tmpl->nodes_.push_back({Node::Kind::kRaw, {}, SplitPath(name), 0});
        break;
      case '>':
        tmpl->nodes_.push_back({Node::Kind::kPartial, std::string(name), {}, 0});
        break;
      case '#':
      case '^':
        open_sections.push_back(tmpl->nodes_.size());
        tmpl->nodes_.push_back(
            {sigil == '#' ? Node::Kind::kSection : Node::Kind::kInverted, std::string(name), SplitPath(name), 0});
        break;
      case '/': {
        if (open_sections.empty() || tmpl->nodes_[open_sections.back()].text != name) {
          error = "unexpected {{/" + std::string(name) + "}} at byte " + std::to_string(open);
          return nullptr;
        }
        tmpl->nodes_[open_sections.back()].end = tmpl->nodes_.size();
        open_sections.pop_back();
        break;
      }
      default:
        tmpl->nodes_.push_back({Node::Kind::kEscaped, {}, SplitPath(tag), 0});
    }
  }
  if (!open_sections.empty()) {
    error = "section {{#" + tmpl->nodes_[open_sections.back()].text + "}} is never closed";
    return nullptr;
  }
  return tmpl;
}

void Template::Render(const data& root, const data* fallback, const PartialLookup& partials, std::string& out) const {
  std::vector<const data*> stack;
  if (fallback != nullptr) stack.push_back(fallback);
  stack.push_back(&root);
  RenderRange(0, nodes_.size(), stack, partials, out, 0);
}

void Template::RenderRange(std::size_t begin, std::size_t end, std::vector<const data*>& stack,
                           const PartialLookup& partials, std::string& out, int depth) const {
  for (std::size_t i = begin; i < end; ++i) {
    const Node& node = nodes_[i];
    switch (node.kind) {
      case Node::Kind::kText:
        out += node.text;
        break;
      case Node::Kind::kEscaped:
      case Node::Kind::kRaw: {
        const data* value = Lookup(stack, node.path);
        if (value != nullptr && value->kind() == data::type::string) {
          if (node.kind == Node::Kind::kRaw)
            out += value->string_value();
          else
            AppendEscaped(out, value->string_value());
        }
        break;
      }
      case Node::Kind::kSection: {
        const data* value = Lookup(stack, node.path);
        if (value != nullptr && value->truthy()) {
          if (value->kind() == data::type::list) {
            for (const data& item : value->list_value()) {
              stack.push_back(&item);
              RenderRange(i + 1, node.end, stack, partials, out, depth);
              stack.pop_back();
            }
          } else {
            stack.push_back(value);
            RenderRange(i + 1, node.end, stack, partials, out, depth);
            stack.pop_back();
          }
        }
        i = node.end - 1;
        break;
      }
      case Node::Kind::kInverted: {
        const data* value = Lookup(stack, node.path);
        if (value == nullptr || !value->truthy()) RenderRange(i + 1, node.end, stack, partials, out, depth);
        i = node.end - 1;
        break;
      }
      case Node::Kind::kPartial: {
        const Template* partial = partials ? partials(node.text) : nullptr;
        if (partial != nullptr && depth < kMaxPartialDepth)
          partial->RenderRange(0, partial->nodes_.size(), stack, partials, out, depth + 1);
        break;
      }
    }
  }
}

}  // namespace hearth::http::mustache
