// Template data for the outcome sections of the family page (app/family_outcomes): ACEs per child with their
// status, and needs per outcome area with their outcome. Pure shaping.
#pragma once
#include "app/family_service.hpp"
#include "common/messages.hpp"
#include "http/views.hpp"

namespace hearth::http {

// Sets show_outcomes, aces, has_aces, need_episodes and has_needs on `data`. `visible`: whether the caller's role
// sees outcome records at all (partners do not; app/family_outcomes reads none for them).
void SetFamilyOutcomes(mustache::data& data, const FamilyView& view, const MessageCatalogue& messages, bool visible);

}  // namespace hearth::http
