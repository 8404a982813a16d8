// BigVector's allocator: small blocks come from the heap, large ones from mappings. Both must honour the element
// type's alignment: the comparator keeps 32-byte-aligned short texts in one, and a small index (a person index
// with few people) once held them misaligned.
#include <gtest/gtest.h>

#include <sys/mman.h>

#include <cstdint>

#include "linkage/big_vector.hpp"

namespace hearth::linkage {
namespace {

struct alignas(32) Wide {
  char bytes[32];
};

bool AlignedTo32(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 32 == 0; }

TEST(BigVector, SmallBlocksOfAnOverAlignedTypeAreAligned) {
  std::vector<BigVector<Wide>> kept;  // all alive at once, so the heap cannot hand back one block each time
  for (size_t n = 1; n < 200; n += 7) {
    kept.emplace_back(n);
    EXPECT_TRUE(AlignedTo32(kept.back().data())) << n << " elements";
  }
}

TEST(BigVector, LargeBlocksAreAlignedAndReusedMappingsToo) {
  const size_t n = (HugePageAllocator<Wide>::kThreshold / sizeof(Wide)) * 3;
  for (int round = 0; round < 3; ++round) {  // later rounds take the freed mapping from the cache
    BigVector<Wide> v(n);
    EXPECT_TRUE(AlignedTo32(v.data()));
    v.back().bytes[0] = 1;
  }
}

// A cached mapping much larger than a request is split rather than passed over (the candidate lists of the compare
// stage are served from the blocker's freed sort buffers), and its tail stays cached for the next request.
TEST(BigVector, TheMappingCacheSplitsALargeMappingForASmallerRequest) {
  constexpr size_t kMiB = size_t{1} << 20;
  void* big = mmap(nullptr, 96 * kMiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(big, MAP_FAILED);
  ASSERT_TRUE(MappingCache::Give(big, 96 * kMiB));
  void* first = MappingCache::Take(30 * kMiB);  // under a third of the cached mapping
  EXPECT_EQ(first, big);
  void* rest = MappingCache::Take(66 * kMiB);
  EXPECT_EQ(rest, static_cast<char*>(big) + 30 * kMiB);
  munmap(big, 96 * kMiB);
}

}  // namespace
}  // namespace hearth::linkage
