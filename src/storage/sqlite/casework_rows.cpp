#include "storage/sqlite/casework_rows.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kDeleteChildViews = "DELETE FROM child_views WHERE episode_id = ?1 AND context = ?2";
constexpr std::string_view kInsertChildView =
    "INSERT INTO child_views (episode_id, context, person_id, views) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kListChildViews =
    "SELECT person_id, views FROM child_views WHERE episode_id = ?1 AND context = ?2 ORDER BY person_id";

std::vector<std::string_view> SplitCommas(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

void ReplaceChildViews(Connection& c, RecordId episode_id, std::string_view context,
                       const std::vector<ChildView>& views) {
  c.Prepare(kDeleteChildViews).Bind(1, episode_id).Bind(2, context).Run();
  for (const auto& v : views)
    c.Prepare(kInsertChildView).Bind(1, episode_id).Bind(2, context).Bind(3, v.person_id).Bind(4, v.views).Run();
}

std::vector<ChildView> ListChildViews(Connection& c, RecordId episode_id, std::string_view context) {
  std::vector<ChildView> out;
  auto st = c.Prepare(kListChildViews);
  st.Bind(1, episode_id).Bind(2, context);
  while (st.Step()) out.push_back({st.Int(0), st.Text(1)});
  return out;
}

std::vector<RecordId> SplitIds(const std::string& text) {
  std::vector<RecordId> out;
  for (auto part : SplitCommas(text)) out.push_back(std::stoll(std::string(part)));
  return out;
}

std::vector<Agency> SplitAgencies(const std::string& text) {
  std::vector<Agency> out;
  for (auto part : SplitCommas(text))
    if (auto a = ParseEnum<Agency>(part)) out.push_back(*a);
  return out;
}

}  // namespace hearth::sqlite
