#include "app/supporting_families_csv.hpp"

namespace hearth {
namespace {
// Quoted when it needs to be; a text a spreadsheet would read as a formula gets a leading apostrophe.
std::string Field(std::string_view text) {
  std::string value(text);
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    value.insert(value.begin(), '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}
}  // namespace

std::string_view ClaimStatusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kMeets: return "meets";
    case ClaimStatus::kWillMeet: return "will_meet";
    case ClaimStatus::kCannot: return "cannot";
  }
  return "cannot";
}

std::string SupportingFamiliesCsv(const std::vector<ClaimRow>& rows) {
  std::string out = "status,family_id,family,episode_id,closed_on,need_areas,sustained_on,reason\r\n";
  for (const auto& r : rows) {
    const bool dated = r.decision.status != ClaimStatus::kCannot;
    out += std::string(ClaimStatusName(r.decision.status)) + "," + std::to_string(r.facts.family_id) + "," +
           Field(r.family_label) + "," + std::to_string(r.facts.episode_id) + "," + r.facts.closed_on.ToString() +
           "," + std::to_string(r.facts.need_areas) + "," + (dated ? r.decision.sustained_on.ToString() : "") + "," +
           r.decision.reason + "\r\n";
  }
  return out;
}

}  // namespace hearth
