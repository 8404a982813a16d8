#include "linkage/string_pool.hpp"

#include <stdexcept>

#include "linkage/hash.hpp"

namespace hearth::linkage {

StringPool::StringPool() : offsets_{0, 0}, slots_(64, 0), mask_(63) {}

uint32_t StringPool::Find(std::string_view s) const {
  uint64_t h = HashBytes(s);
  auto tag = static_cast<uint32_t>(h);
  for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return 0;
    const auto id = static_cast<uint32_t>(slot);
    if (static_cast<uint32_t>(slot >> 32) == tag && Get(id) == s) return id;
  }
}

uint32_t StringPool::Intern(std::string_view s) {
  uint64_t h = HashBytes(s);
  auto tag = static_cast<uint32_t>(h);
  uint64_t i = h & mask_;
  for (;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) break;
    const auto id = static_cast<uint32_t>(slot);
    if (static_cast<uint32_t>(slot >> 32) == tag && Get(id) == s) return id;
  }
  if (chars_.size() + s.size() > UINT32_MAX) throw std::length_error("string pool over 4 GiB");
  auto id = static_cast<uint32_t>(offsets_.size() - 1);
  chars_.insert(chars_.end(), s.begin(), s.end());
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  slots_[i] = (static_cast<uint64_t>(tag) << 32) | id;
  if (static_cast<uint64_t>(id) * 2 > mask_) Grow();
  return id;
}

void StringPool::Grow() {
  BigVector<uint64_t> bigger(slots_.size() * 2, 0);
  uint64_t mask = bigger.size() - 1;
  for (const uint64_t slot : slots_) {
    if (slot == 0) continue;
    uint64_t i = (slot >> 32) & mask;  // the tag is the hash's low 32 bits (tables stay under 2^32 slots)
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = slot;
  }
  slots_.swap(bigger);
  mask_ = mask;
}

size_t StringPool::MemoryBytes() const {
  return chars_.capacity() + offsets_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(uint64_t);
}

}  // namespace hearth::linkage
