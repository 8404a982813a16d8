// Shaping an episode's file into template data for its page: the stage and its dates, who works with the family,
// the assessment, appraisals, the plan with its objectives and actions, panel decisions, contacts, TAF meetings,
// reviews, changes of worker, statutory involvement, and the next steps the caller may take.
#pragma once
#include "app/casework_service.hpp"
#include "http/views.hpp"

namespace hearth::http {

mustache::data EpisodePageData(const EpisodeFile& file, const Principal& who, const MessageCatalogue& messages);

}  // namespace hearth::http
