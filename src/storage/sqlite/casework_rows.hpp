// Pieces the casework stores share: a child's views belong to the assessment or to the plan of an episode, and
// lists read back through group_concat are split here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/casework.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

// The `context` column of child_views.
inline constexpr std::string_view kAssessmentContext = "assessment";
inline constexpr std::string_view kPlanContext = "plan";

// Replaces the episode's child views in `context` with `views`.
void ReplaceChildViews(Connection& c, RecordId episode_id, std::string_view context,
                       const std::vector<ChildView>& views);
std::vector<ChildView> ListChildViews(Connection& c, RecordId episode_id, std::string_view context);

// "3,5,8" (group_concat of ids) → {3, 5, 8}.
std::vector<RecordId> SplitIds(const std::string& text);
// "health,housing" → {kHealth, kHousing}; unknown names are skipped.
std::vector<Agency> SplitAgencies(const std::string& text);

}  // namespace hearth::sqlite
