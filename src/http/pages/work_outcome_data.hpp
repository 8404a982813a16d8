// Template and JSON data for My work's lists of issue 4: the manager's overdue oversight and the auditor's audits
// due (app/work_list). Pure shaping.
#pragma once
#include <boost/json/object.hpp>

#include "app/work_list.hpp"
#include "common/messages.hpp"
#include "http/views.hpp"

namespace hearth::http {

// Sets oversight_view, oversight, oversight_total, audit_view, audits, audits_total and audits_overdue.
void SetOutcomeWorkLists(mustache::data& data, const WorkList& list, const MessageCatalogue& messages);
// The same lists as JSON members "oversight" and "audits" (present only for the caller's view).
void AddOutcomeWorkLists(boost::json::object& out, const WorkList& list);

}  // namespace hearth::http
