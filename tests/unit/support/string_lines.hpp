// An interchange file held in a string, read line by line as the importer reads a file (tests only).
#pragma once
#include <string>
#include <string_view>

#include "app/import_service.hpp"

namespace hearth::testing {

class StringLines final : public LineSource {
 public:
  explicit StringLines(std::string text) : text_(std::move(text)) {}
  bool Next(std::string_view& line) override {
    if (pos_ >= text_.size()) return false;
    auto end = text_.find('\n', pos_);
    if (end == std::string::npos) end = text_.size();
    line = std::string_view(text_).substr(pos_, end - pos_);
    pos_ = end + 1;
    return true;
  }
  void Rewind() override { pos_ = 0; }
  std::uint64_t Position() const override { return pos_; }
  std::uint64_t Size() const override { return text_.size(); }

 private:
  std::string text_;
  std::size_t pos_ = 0;
};

}  // namespace hearth::testing
