// The page a handler returns when a use case refuses: the same look the pipeline gives an unknown address or a
// missing permission, so that a record the caller may not see is indistinguishable from one that does not exist.
#pragma once
#include "common/error.hpp"
#include "http/request_context.hpp"
#include "http/views.hpp"

namespace hearth::http {

// Renders web/templates/error.mustache with the status StatusFor(error.code) gives, the title
// "<message_key>_title" (or a general one when the catalogue has none) and the error's message.
RawResponse PageForError(RequestContext& ctx, const Views& views, const Error& error);

// The 404 page for a path parameter that is not a record id (the same page a missing record gets).
RawResponse PageNotFound(RequestContext& ctx, const Views& views);

}  // namespace hearth::http
