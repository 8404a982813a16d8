#include "linkage/name_variants.hpp"

#include <algorithm>
#include <thread>

#include "linkage/csv.hpp"
#include "linkage/parallel.hpp"
#include "linkage/similarity.hpp"
#include "linkage/text.hpp"

namespace hearth::linkage {

unsigned DefaultThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

Result<NameVariants> NameVariants::Load(const std::string& path) {
  auto file = CsvFile::Open(path, ',');
  if (!file) return file.error();
  NameVariants variants;
  const auto& header = file->Header();
  bool has_header = header.size() >= 2 && Trim(header[0]) == "name" && Trim(header[1]) == "canonical";
  if (!has_header && header.size() >= 2) variants.Add(header[0], header[1]);
  std::vector<std::string_view> fields;
  while (file->NextRow(fields)) {
    if (fields.size() >= 2 && !fields[0].empty() && fields[0][0] != '#') variants.Add(fields[0], fields[1]);
  }
  return variants;
}

void NameVariants::Add(std::string_view name, std::string_view canonical) {
  std::string n = FoldText(name), c = FoldText(canonical);
  if (n.empty() || c.empty() || n == c) return;
  auto& list = map_[n];
  if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
  canonicals_.insert(c);
  auto index = [&](const std::string& key) {
    auto& names = near_[key];
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  index(n);
  for (size_t i = 0; i < n.size(); ++i) index(n.substr(0, i) + n.substr(i + 1));
}

void NameVariants::Canonicals(std::string_view folded, std::vector<std::string_view>& out) const {
  out.clear();
  auto it = map_.find(std::string(folded));
  if (it == map_.end()) {
    std::string_view word = FirstWord(folded);
    if (word.size() != folded.size()) it = map_.find(std::string(word));
    if (it == map_.end()) {
      out.push_back(word);
      if (word.size() == folded.size() && folded.size() >= 3 && !canonicals_.contains(std::string(folded)))
        AddNearCanonicals(folded, out);
      return;
    }
  }
  for (const auto& c : it->second) out.push_back(c);
}

void NameVariants::AddNearCanonicals(std::string_view folded, std::vector<std::string_view>& out) const {
  const std::string name(folded);
  auto visit = [&](const std::string& key) {
    const auto hit = near_.find(key);
    if (hit == near_.end()) return;
    for (const auto& near : hit->second) {
      if (!EditDistanceWithin(name, near, 1, true)) continue;
      for (const auto& c : map_.at(near))
        if (std::find(out.begin(), out.end(), std::string_view(c)) == out.end()) out.push_back(c);
    }
  };
  visit(name);
  for (size_t i = 0; i < name.size(); ++i) visit(name.substr(0, i) + name.substr(i + 1));
}

}  // namespace hearth::linkage
