#include "linkage/evaluate_io.hpp"

#include <cstring>

namespace hearth::linkage::eval {
namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}

CsvReader::CsvReader(const std::filesystem::path& path, char delimiter)
    : file_holder_(std::fopen(path.c_str(), "rb")),
      file_(file_holder_.get()),
      delimiter_(delimiter),
      buffer_(kBufferBytes) {}

bool CsvReader::Fill() {
  if (!file_) return false;
  end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  pos_ = 0;
  if (first_fill_) {
    first_fill_ = false;
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;  // UTF-8 byte order mark
  }
  return pos_ < end_;
}

// Reads a quoted field's content after its opening quote; returns the character after the closing quote.
int CsvReader::ReadQuoted(int c) {
  for (c = Get(); c != -1; c = Get()) {
    if (c == '"') {
      c = Get();
      if (c != '"') return c;  // the closing quote
    }
    row_ += static_cast<char>(c);
  }
  return c;
}

bool CsvReader::Next(std::vector<std::string_view>& fields) {
  fields.clear();
  int c = Get();
  while (c == '\n' || c == '\r') c = Get();
  if (c == -1) return false;
  row_.clear();
  spans_.clear();
  for (;;) {
    const std::size_t start = row_.size();
    if (c == '"') c = ReadQuoted(c);
    // Unquoted text, or stray text after a closing quote (kept, not dropped).
    while (c != -1 && c != delimiter_ && c != '\n' && c != '\r') {
      row_ += static_cast<char>(c);
      c = Get();
    }
    spans_.emplace_back(start, row_.size() - start);
    if (c == delimiter_) {
      c = Get();
      continue;
    }
    if (c == '\r') {
      c = Get();
      if (c != '\n' && c != -1) Unget();
    }
    break;
  }
  ++rows_;
  for (const auto& [start, length] : spans_) fields.emplace_back(row_.data() + start, length);
  return true;
}

std::uint64_t IdIndex::Hash(std::string_view id) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ id.size();
  std::size_t i = 0;
  for (; i + 8 <= id.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, id.data() + i, 8);
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  if (i < id.size()) std::memcpy(&tail, id.data() + i, id.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

std::string_view IdIndex::At(std::uint32_t index) const {
  const std::uint64_t start = starts_[index];
  const std::uint64_t end = index + 1 < starts_.size() ? starts_[index + 1] : arena_.size();
  return std::string_view(arena_).substr(start, end - start);
}

namespace {
constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
}

std::uint32_t IdIndex::Find(std::string_view id) const {
  if (slots_.empty()) return kMissing;
  const std::uint64_t tag = Hash(id) >> 32;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = tag & mask;; slot = (slot + 1) & mask) {
    const std::uint64_t entry = slots_[slot];
    if (entry == kEmpty) return kMissing;
    const auto index = static_cast<std::uint32_t>(entry);
    if (entry >> 32 == tag && At(index) == id) return index;
  }
}

void IdIndex::Grow() {
  const std::size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(capacity, kEmpty);
  const std::size_t mask = capacity - 1;
  for (std::uint64_t entry : old) {
    if (entry == kEmpty) continue;
    std::size_t slot = (entry >> 32) & mask;
    while (slots_[slot] != kEmpty) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }
}

std::uint32_t IdIndex::Insert(std::string_view id, bool* added) {
  if ((static_cast<std::size_t>(Size()) + 1) * 2 > slots_.size()) Grow();
  const std::uint64_t tag = Hash(id) >> 32;
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = tag & mask;
  for (; slots_[slot] != kEmpty; slot = (slot + 1) & mask) {
    const auto index = static_cast<std::uint32_t>(slots_[slot]);
    if (slots_[slot] >> 32 == tag && At(index) == id) {
      if (added) *added = false;
      return index;
    }
  }
  const std::uint32_t index = Size();
  starts_.push_back(arena_.size());
  arena_.append(id);
  slots_[slot] = (tag << 32) | index;
  if (added) *added = true;
  return index;
}

}  // namespace hearth::linkage::eval
