// The message catalogue: every user-visible string, looked up by key. English ships in config/messages/en/;
// another language (Welsh: cy) is another folder of the same keys, with no code change.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hearth {

class MessageCatalogue {
 public:
  // Reads every *.toml file in `dir`; nested tables flatten to dotted keys ("sign_in.title").
  // Throws FatalError naming the file, line and key on a malformed file or a key defined twice.
  static MessageCatalogue Load(const std::filesystem::path& dir);

  bool Has(std::string_view key) const;
  // The text for `key`; a missing key yields "[key]" so that it is visible, and tests catch it.
  const std::string& Get(std::string_view key) const;
  // Get(key) with each "{name}" replaced by args[name].
  std::string Format(std::string_view key, const std::map<std::string, std::string>& args) const;
  const std::unordered_map<std::string, std::string>& All() const { return text_; }
  void Set(std::string key, std::string value) { text_[std::move(key)] = std::move(value); }

 private:
  std::unordered_map<std::string, std::string> text_;
  mutable std::unordered_map<std::string, std::string> missing_;
};

}  // namespace hearth
