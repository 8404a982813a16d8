// Small, fast hashing for the linkage engine's dictionaries and blocking keys (not cryptographic).
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace hearth::linkage {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (s.size() * 0x100000001B3ULL);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ Mix64(v)) * 0x9E3779B97F4A7C15ULL;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return Mix64(h ^ tail ^ (static_cast<uint64_t>(n) << 56));
}

// Combines a running key with one more part; never returns 0 (0 means "no key" in blocking).
inline uint64_t CombineKey(uint64_t key, uint64_t part) {
  uint64_t h = Mix64(key * 0x9E3779B97F4A7C15ULL + part + 0x632BE59BD9B4E019ULL);
  return h == 0 ? 1 : h;
}

}  // namespace hearth::linkage
