// A dictionary of distinct strings: each gets a dense id (0 is reserved for "missing"), so records store
// 4-byte ids, equal values compare by id and term frequencies are counts per id.
#pragma once
#include "linkage/big_vector.hpp"
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::linkage {

class StringPool {
 public:
  StringPool();
  // The id of `s`, adding it if new. Ids are dense, starting at 1.
  uint32_t Intern(std::string_view s);
  // The id of `s`, or 0 when absent.
  uint32_t Find(std::string_view s) const;
  std::string_view Get(uint32_t id) const {
    return std::string_view(chars_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  // Number of ids including the reserved 0.
  uint32_t Size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  size_t MemoryBytes() const;

 private:
  void Grow();
  BigVector<char> chars_;
  BigVector<uint32_t> offsets_;  // value i spans [offsets_[i], offsets_[i+1])
  // Open addressing: 0 empty, else the value's hash (low 32 bits) above its id, so that a probe reads one word
  // and compares text only when the hashes agree.
  BigVector<uint64_t> slots_;
  uint64_t mask_ = 0;
};

}  // namespace hearth::linkage
