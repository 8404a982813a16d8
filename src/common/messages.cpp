#include "common/messages.hpp"

#include <algorithm>
#include <mutex>
#include <toml++/toml.h>

#include "common/error.hpp"

namespace hearth {
namespace {
std::mutex g_missing_mutex;

void Flatten(const toml::table& table, const std::string& prefix, const std::filesystem::path& file,
             std::unordered_map<std::string, std::string>& out) {
  for (const auto& [k, node] : table) {
    std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (const auto* sub = node.as_table()) {
      Flatten(*sub, key, file, out);
      continue;
    }
    const auto* str = node.as_string();
    if (str == nullptr)
      throw FatalError(file.string() + ":" + std::to_string(node.source().begin.line) + ": message '" + key +
                       "' must be a string");
    if (!out.emplace(key, str->get()).second)
      throw FatalError(file.string() + ":" + std::to_string(node.source().begin.line) + ": message '" + key +
                       "' is defined twice");
  }
}
}  // namespace

MessageCatalogue MessageCatalogue::Load(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw FatalError("message catalogue folder not found: " + dir.string());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  MessageCatalogue catalogue;
  for (const auto& file : files) {
    try {
      toml::table table = toml::parse_file(file.string());
      Flatten(table, "", file, catalogue.text_);
    } catch (const toml::parse_error& e) {
      throw FatalError(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                       std::string(e.description()));
    }
  }
  return catalogue;
}

bool MessageCatalogue::Has(std::string_view key) const { return text_.count(std::string(key)) > 0; }

const std::string& MessageCatalogue::Get(std::string_view key) const {
  auto it = text_.find(std::string(key));
  if (it != text_.end()) return it->second;
  std::lock_guard lock(g_missing_mutex);
  auto [m, _] = missing_.emplace(std::string(key), "[" + std::string(key) + "]");
  return m->second;
}

std::string MessageCatalogue::Format(std::string_view key, const std::map<std::string, std::string>& args) const {
  std::string text = Get(key);
  for (const auto& [name, value] : args) {
    std::string token = "{" + name + "}";
    for (std::size_t pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos + value.size()))
      text.replace(pos, token.size(), value);
  }
  return text;
}

}  // namespace hearth
