// What happens to every request between the socket and a handler, in order: static assets; route match
// (404/405); authentication (session cookie or API bearer token); the route's policy (sign-in redirect, 401,
// 403); CSRF on state-changing requests; the handler; security headers; an access log line without personal
// data. Exceptions become a 500 with a correlation id.
#pragma once
#include "app/services.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/views.hpp"

namespace hearth::http {

class Pipeline {
 public:
  Pipeline(const Router& router, Services& services, const Views& views, const StaticFiles& assets)
      : router_(router), services_(services), views_(views), assets_(assets) {}

  RawResponse Handle(const RawRequest& request, const std::string& remote_address) const;
  // The page or JSON answer for an error, in the form the request expects.
  RawResponse ErrorPage(RequestContext& ctx, bhttp::status status, std::string_view message_key) const;

 private:
  RawResponse Dispatch(RequestContext& ctx) const;
  void Authenticate(RequestContext& ctx) const;
  bool CsrfValid(const RequestContext& ctx) const;

  const Router& router_;
  Services& services_;
  const Views& views_;
  const StaticFiles& assets_;
};

bool IsApiPath(std::string_view path);

}  // namespace hearth::http
