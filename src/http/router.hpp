// The route table: every route names its method, path pattern and access policy. A path that matches no
// route is 404; a route without a policy cannot be written (Policy has no default).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/access.hpp"
#include "http/request_context.hpp"

namespace hearth::http {

class Policy {
 public:
  static Policy Public() { return Policy(Kind::kPublic, std::nullopt); }
  static Policy SignedIn() { return Policy(Kind::kSignedIn, std::nullopt); }
  static Policy Needs(Capability c) { return Policy(Kind::kCapability, c); }

  bool IsPublic() const { return kind_ == Kind::kPublic; }
  // Whether `principal` (signed in) passes this policy.
  bool Allows(const Principal& principal) const {
    return kind_ != Kind::kCapability || principal.Can(*capability_);
  }

 private:
  enum class Kind { kPublic, kSignedIn, kCapability };
  Policy(Kind kind, std::optional<Capability> capability) : kind_(kind), capability_(capability) {}
  Kind kind_;
  std::optional<Capability> capability_;
};

using Handler = std::function<RawResponse(RequestContext&)>;

struct Route {
  bhttp::verb method;
  std::string pattern;  // "/families/{id}/people/new": {name} matches one path segment
  Policy policy;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_matched = false;  // some route has this path, maybe with another method (405)
};

class Router {
 public:
  void Add(bhttp::verb method, std::string pattern, Policy policy, Handler handler);
  RouteMatch Match(bhttp::verb method, std::string_view path) const;
  const std::vector<Route>& Routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace hearth::http
