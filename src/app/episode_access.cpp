#include "app/episode_access.hpp"

namespace hearth {

bool MayAct(UnitOfWork& uow, const Principal& who, const Episode& episode) {
  if (!who.Can(Capability::kWorkOnCases)) return false;
  EpisodeAccessFacts facts;
  for (const auto& a : uow.Episodes().ListAssignments(episode.id)) {
    if (a.to_on) continue;
    facts.assigned_to_caller = facts.assigned_to_caller || a.user_id == who.user_id;
    facts.assigned_within_team = facts.assigned_within_team || (who.team_id != 0 && a.team_id == who.team_id);
  }
  if (who.team_id != 0 && episode.team_id == who.team_id) facts.assigned_within_team = true;
  return MayActOnEpisode(who.role, facts);
}

Result<Episode> LoadEpisode(UnitOfWork& uow, const Principal& who, RecordId episode_id, EpisodeNeed need,
                            std::string_view action, std::optional<Refusal>& refusal) {
  auto episode = uow.Episodes().FindById(episode_id);
  if (!episode || !who.Can(Capability::kViewFamilies) ||
      !uow.Families().IsVisible(episode->family_id, who.Visibility())) {
    refusal = Refusal{std::string(action), {"episode", episode_id, episode ? episode->family_id : 0}, "not_found"};
    return Error::NotFound("episode");
  }
  const bool allowed = need == EpisodeNeed::kView ||
                       (need == EpisodeNeed::kAllocate && who.Can(Capability::kAllocateCases)) ||
                       (need == EpisodeNeed::kAct && MayAct(uow, who, *episode));
  if (!allowed) {
    refusal = Refusal{std::string(action), {"episode", episode_id, episode->family_id}, "denied"};
    return Error::Forbidden("may not act on this episode");
  }
  return *episode;
}

}  // namespace hearth
