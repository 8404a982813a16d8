#include "app/family_outcomes.hpp"

#include <algorithm>

namespace hearth {

std::vector<ChronologyEntry> OutcomeChronology(const std::vector<OutcomeEvent>& events) {
  std::vector<ChronologyEntry> out;
  out.reserve(events.size());
  for (const auto& e : events) out.push_back({e.on, "chronology." + e.kind, e.detail, e.episode_id});
  return out;
}

void ReadFamilyOutcomes(UnitOfWork& uow, const Principal& who, RecordId family_id, FamilyView& view) {
  if (FamilyScopeFor(who.role) == FamilyScope::kShared) return;
  view.aces = uow.Outcomes().ListAces(family_id);
  view.needs = uow.Outcomes().ListFamilyNeeds(family_id);
  auto entries = OutcomeChronology(uow.Outcomes().ListOutcomeEvents(family_id));
  view.chronology.insert(view.chronology.end(), std::make_move_iterator(entries.begin()),
                         std::make_move_iterator(entries.end()));
  std::stable_sort(view.chronology.begin(), view.chronology.end(),
                   [](const auto& a, const auto& b) { return a.on > b.on; });
}

}  // namespace hearth
