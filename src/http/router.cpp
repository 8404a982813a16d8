#include "http/router.hpp"

namespace hearth::http {
namespace {
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
  auto want = Segments(pattern), have = Segments(path);
  if (want.size() != have.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}')
      params[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(have[i]);
    else if (want[i] != have[i])
      return false;
  }
  return true;
}
}  // namespace

void Router::Add(bhttp::verb method, std::string pattern, Policy policy, Handler handler) {
  routes_.push_back(Route{method, std::move(pattern), policy, std::move(handler)});
}

RouteMatch Router::Match(bhttp::verb method, std::string_view path) const {
  RouteMatch match;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(route.pattern, path, params)) continue;
    match.path_matched = true;
    if (route.method == method || (method == bhttp::verb::head && route.method == bhttp::verb::get)) {
      match.route = &route;
      match.params = std::move(params);
      return match;
    }
  }
  return match;
}

}  // namespace hearth::http
