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
  // The smallest cached mapping that fits, if it is not much larger than asked for.
  auto it = c.free.lower_bound(bytes);
  if (it == c.free.end() || it->first > 2 * bytes + kHugePage) return nullptr;
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
