#include "http/request_context.hpp"

#include <charconv>

namespace hearth::http {
namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}
}  // namespace

std::vector<std::pair<std::string, std::string>> ParseUrlEncodedPairs(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos)
      out.emplace_back(Decode(pair), "");
    else
      out.emplace_back(Decode(pair.substr(0, eq)), Decode(pair.substr(eq + 1)));
  }
  return out;
}

void ParseUrlEncoded(std::string_view text, Input& out) {
  for (auto& [name, value] : ParseUrlEncodedPairs(text)) out.Add(std::move(name), std::move(value));
}

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
  }
  return {};
}

Input RequestContext::Form() const {
  Input in;
  ParseUrlEncoded(raw.body(), in);
  return in;
}

std::optional<std::int64_t> RequestContext::IdParam(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  std::int64_t value = 0;
  const auto& s = it->second;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || value <= 0) return std::nullopt;
  return value;
}

int RequestContext::PageParam() const {
  int page = 1;
  const auto& s = query.Get("page");
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), page);
  if (ec != std::errc() || page < 1 || page > 1000000) return 1;
  return page;
}

}  // namespace hearth::http
