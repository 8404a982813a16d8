#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

#include "common/error.hpp"

namespace hearth::http {
namespace {
std::optional<std::string> TypeFor(const std::filesystem::path& p) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
      {".png", "image/png"}, {".svg", "image/svg+xml"}, {".ico", "image/x-icon"},
      {".json", "application/json"}, {".map", "application/json"}};
  auto it = kTypes.find(p.extension().string());
  if (it == kTypes.end()) return std::nullopt;
  return it->second;
}
}  // namespace

void StaticFiles::Mount(const std::string& prefix, const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir))
    throw FatalError("static assets folder not found: " + dir.string() + " (run the install script: npm ci)");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    auto type = TypeFor(entry.path());
    if (!type) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string url = prefix + "/" + std::filesystem::relative(entry.path(), dir).generic_string();
    files_[url] = StaticFile{ss.str(), *type};
  }
}

const StaticFile* StaticFiles::Find(std::string_view path) const {
  auto it = files_.find(std::string(path));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace hearth::http
