// Front-end assets, loaded into memory at start-up: GOV.UK Frontend and MOJ Frontend from node_modules
// (their compiled dist/ files) and Hearth's own web/static. Only files found at start-up are ever served,
// so no request path can reach outside these folders.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

namespace hearth::http {

struct StaticFile {
  std::string content;
  std::string content_type;
};

class StaticFiles {
 public:
  // Mounts `dir` at URL prefix `prefix` (e.g. "/assets"): every file below it with a known type.
  void Mount(const std::string& prefix, const std::filesystem::path& dir);
  const StaticFile* Find(std::string_view path) const;
  std::size_t Count() const { return files_.size(); }

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

}  // namespace hearth::http
