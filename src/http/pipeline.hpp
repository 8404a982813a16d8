// What happens to every request between the socket and a handler, in order: static assets; route match
// (404/405); authentication (session cookie or API bearer token); the route's policy (sign-in redirect, 401,
// 403); CSRF on state-changing requests; the handler; security headers; an access log line without personal
// data. Exceptions become a 500 with a correlation id.
#pragma once
#include <cstdint>
#include <functional>

#include "app/services.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/views.hpp"

namespace hearth::http {

class Pipeline {
 public:
  Pipeline(const Router& router, Services& services, const Views& views, const StaticFiles& assets)
      : router_(router), services_(services), views_(views), assets_(assets) {}

  // `audit_ticket` is set to the audit sequence number the response must wait for (0: none); see WhenAudited.
  RawResponse Handle(const RawRequest& request, const std::string& remote_address, std::uint64_t& audit_ticket) const;
  // Runs `done(ok)` once the audit rows up to `ticket` are durable (ok) or could not be written.
  void WhenAudited(std::uint64_t ticket, std::function<void(bool)> done) const {
    services_.audit_sink.OnCommitted(ticket, std::move(done));
  }
  // What is sent instead of a page whose view could not be audited: nothing is shown unrecorded.
  RawResponse AuditFailedResponse(const RawRequest& request) const;
  // The page or JSON answer for an error, in the form the request expects.
  RawResponse ErrorPage(RequestContext& ctx, bhttp::status status, std::string_view message_key) const;

 private:
  RawResponse Dispatch(RequestContext& ctx) const;
  void Authenticate(RequestContext& ctx) const;
  bool CsrfValid(const RequestContext& ctx) const;
  // Drafts (app/draft_service.hpp), for any page form and with no code in the form's handler: a form posted after
  // its session timed out, or with the token of an earlier session of the signed-in user, is kept rather than lost.
  bool KeepDraftAfterTimeout(const RequestContext& ctx) const;
  bool KeepDraftFromEarlierSession(const RequestContext& ctx) const;
  // A draft sent on from the drafts page (POST <its path>?draft=ID) is deleted once the page's handler has saved it
  // or shown it back on its form.
  void NoteDraftUsed(const RequestContext& ctx, const RawResponse& response) const;

  const Router& router_;
  Services& services_;
  const Views& views_;
  const StaticFiles& assets_;
};

bool IsApiPath(std::string_view path);

}  // namespace hearth::http
