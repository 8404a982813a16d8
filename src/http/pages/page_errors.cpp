#include "http/pages/page_errors.hpp"

#include "http/responses.hpp"
#include "http/status_map.hpp"

namespace hearth::http {

RawResponse PageForError(RequestContext& ctx, const Views& views, const Error& error) {
  const auto& messages = views.Messages();
  const std::string message_key = error.message_key.empty() ? "error.internal" : error.message_key;
  const std::string title_key = message_key + "_title";
  mustache::data data;
  data.set("title", messages.Has(title_key) ? messages.Get(title_key) : messages.Get("form.error_summary_title"));
  data.set("message", messages.Get(message_key));
  data.set("correlation_id", ctx.correlation_id);
  return HtmlResponse(ctx, StatusFor(error.code), views.Page(ctx, "error", data));
}

RawResponse PageNotFound(RequestContext& ctx, const Views& views) {
  return PageForError(ctx, views, Error::NotFound("bad record id in path"));
}

}  // namespace hearth::http
