#include "domain/team_history.hpp"

#include <limits>
#include <unordered_set>

namespace hearth {
namespace {

constexpr EpisodeIndex kNotInTeam = std::numeric_limits<EpisodeIndex>::max();

// Copies the records whose episode is kept, renumbering their episode to its position in the team's history.
template <class Facts>
void KeepOfTeam(const std::vector<Facts>& from, const std::vector<EpisodeIndex>& position, std::vector<Facts>& to) {
  for (const Facts& f : from) {
    if (f.episode >= position.size() || position[f.episode] == kNotInTeam) continue;
    to.push_back(f);
    to.back().episode = position[f.episode];
  }
}

}  // namespace

ServiceHistory TeamPartOf(const ServiceHistory& all, std::string_view team) {
  ServiceHistory part;
  std::vector<EpisodeIndex> position(all.episodes.size(), kNotInTeam);
  std::unordered_set<GroupKey> families;
  for (std::size_t i = 0; i < all.episodes.size(); ++i) {
    const EpisodeFacts& e = all.episodes[i];
    if (e.team != team) continue;
    position[i] = static_cast<EpisodeIndex>(part.episodes.size());
    part.episodes.push_back(e);
    part.referrals.push_back({e.received_on, e.source});
    families.insert(e.family);
  }
  KeepOfTeam(all.assignments, position, part.assignments);
  KeepOfTeam(all.appraisals, position, part.appraisals);
  KeepOfTeam(all.actions, position, part.actions);
  part.services = all.services;
  KeepOfTeam(all.contacts, position, part.contacts);
  KeepOfTeam(all.assessments, position, part.assessments);
  KeepOfTeam(all.aces, position, part.aces);
  KeepOfTeam(all.feedback, position, part.feedback);
  KeepOfTeam(all.oversight, position, part.oversight);
  KeepOfTeam(all.audits, position, part.audits);
  for (const StatutoryFacts& s : all.statutory)
    if (families.count(s.family)) part.statutory.push_back(s);
  return part;
}

}  // namespace hearth
