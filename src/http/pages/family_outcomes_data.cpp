#include "http/pages/family_outcomes_data.hpp"

#include "http/pages/family_view_data.hpp"

namespace hearth::http {
namespace {

// improved / not_improved / open: the status tag of an ACE or a need.
void SetStatus(mustache::data& row, std::string_view status, const MessageCatalogue& messages) {
  row.set("status", messages.Get("family_outcomes." + std::string(status)));
  row.set("improved", MustacheBool(status == "improved"));
  row.set("not_improved", MustacheBool(status == "not_improved"));
}

std::string MemberName(const FamilyView& view, RecordId person_id) {
  for (const auto& p : view.members)
    if (p.id == person_id) return p.FullName();
  return {};
}

mustache::data AceRows(const FamilyView& view, const MessageCatalogue& messages) {
  mustache::data rows{mustache::data::type::list};
  for (const auto& a : view.aces) {
    mustache::data row;
    row.set("child", MemberName(view, a.person_id));
    row.set("ace", messages.Get("report.ace." + std::string(ToString(a.ace))));
    row.set("identified_on", FormatDate(a.identified_on, messages));
    SetStatus(row, !a.improved ? "open" : (*a.improved ? "improved" : "not_improved"), messages);
    rows.push_back(std::move(row));
  }
  return rows;
}

mustache::data NeedEpisodes(const FamilyView& view, const MessageCatalogue& messages) {
  mustache::data episodes{mustache::data::type::list};
  for (const auto& e : view.needs) {
    mustache::data episode;
    for (const auto& ep : view.episodes)
      if (ep.id == e.episode_id)
        episode.set("caption", messages.Format("family_outcomes.episode_opened", {{"date", FormatDate(ep.opened_on, messages)}}));
    episode.set("href", "/episodes/" + std::to_string(e.episode_id));
    mustache::data rows{mustache::data::type::list};
    for (const auto& n : e.needs) {
      mustache::data row;
      row.set("area", messages.Get("reason." + std::string(ToString(n.area))));
      row.set("need", n.need);
      SetStatus(row, n.outcome ? ToString(*n.outcome) : "open", messages);
      rows.push_back(std::move(row));
    }
    episode.set("rows", std::move(rows));
    episodes.push_back(std::move(episode));
  }
  return episodes;
}
}  // namespace

void SetFamilyOutcomes(mustache::data& data, const FamilyView& view, const MessageCatalogue& messages, bool visible) {
  data.set("show_outcomes", MustacheBool(visible));
  data.set("aces", AceRows(view, messages));
  data.set("has_aces", MustacheBool(!view.aces.empty()));
  data.set("need_episodes", NeedEpisodes(view, messages));
  data.set("has_needs", MustacheBool(!view.needs.empty()));
}

}  // namespace hearth::http
