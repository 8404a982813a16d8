#include "linkage/big_vector.hpp"

#include <map>
#include <mutex>

namespace hearth::linkage {

namespace {
constexpr size_t kCacheLimit = size_t{768} << 20;  // bytes kept mapped for reuse at most

struct Cache {
  std::mutex mutex;
  std::multimap<size_t, void*> free;  // size -> mapping
  size_t bytes = 0;
};

Cache& TheCache() {
  static Cache* cache = new Cache;  // never destroyed: vectors may be freed during static destruction
  return *cache;
}
}  // namespace

void* MappingCache::Take(size_t bytes) {
  Cache& c = TheCache();
  std::lock_guard lock(c.mutex);
  // The smallest cached mapping that fits, split when larger. (Mappings much larger than asked for were refused
  // before, to keep them whole for big requests; but then the compare stage's many 4 MiB candidate lists all took
  // fresh pages while some 90 MiB of the blocker's sort buffers sat unused in the cache.)
  auto it = c.free.lower_bound(bytes);
  if (it == c.free.end()) return nullptr;
  void* p = it->second;
  c.bytes -= it->first;
  const size_t size = it->first;
  c.free.erase(it);
  if (size > bytes) {
    // Keep the tail for later: mappings can be split at huge-page boundaries.
    char* tail = static_cast<char*>(p) + bytes;
    c.free.emplace(size - bytes, tail);
    c.bytes += size - bytes;
  }
  return p;
}

bool MappingCache::Give(void* p, size_t bytes) {
  Cache& c = TheCache();
  std::lock_guard lock(c.mutex);
  if (c.bytes + bytes > kCacheLimit) return false;
  c.free.emplace(bytes, p);
  c.bytes += bytes;
  return true;
}

}  // namespace hearth::linkage
