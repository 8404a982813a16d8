// The data of the instrument pages' templates: the episode's "Measures and feedback" section
// (casework/_instruments), a result (casework/instrument_result) and the form (casework/instrument_form).
#pragma once
#include <string>
#include <vector>

#include "app/instrument_service.hpp"
#include "domain/family.hpp"
#include "http/pages/instrument_form.hpp"
#include "http/routes.hpp"

namespace hearth::http {

std::string ResultHref(const InstrumentResult& result);

// The section of the episode page; reads the episode's results (an audited view) and the forms the caller may start.
mustache::data InstrumentSectionData(RequestContext& ctx, RouteDeps deps, RecordId episode_id);

// A result's page: its facts, scores with bands, answers by section, and what the caller may do next.
mustache::data ResultPageData(const RequestContext& ctx, const AssessmentView& view, const std::vector<Person>& members,
                              const std::vector<FormOption>& staff, const MessageCatalogue& m);

// The staff a `worker` question offers (and the result page names).
std::vector<FormOption> StaffOptions(RequestContext& ctx, RouteDeps deps);

std::string PersonName(const std::vector<Person>& members, const std::optional<RecordId>& id);

}  // namespace hearth::http
