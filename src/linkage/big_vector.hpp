// Vectors for the engine's large arrays (a million records make arrays of tens to hundreds of megabytes). Large
// blocks are mapped directly and marked for transparent huge pages, and freed blocks are kept for reuse by later
// stages: on this kind of machine (a VM, THP in "madvise" mode) faulting in and zeroing fresh pages cost as much as
// a third of a run before this was done.
#pragma once
#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <vector>

namespace hearth::linkage {

// Freed large mappings, kept (up to a cap) to serve later allocations of a similar size.
class MappingCache {
 public:
  static void* Take(size_t bytes);               // nullptr when nothing cached fits
  static bool Give(void* p, size_t bytes);       // false when the cache is full: unmap it
  static constexpr size_t kHugePage = size_t{1} << 21;
  static size_t Round(size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }
};

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kThreshold = size_t{1} << 20;  // smaller blocks come from the ordinary heap
  static constexpr bool kOverAligned = alignof(T) > __STDCPP_DEFAULT_NEW_ALIGNMENT__;  // mappings are page-aligned

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert implicitly

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      // Over-aligned element types (the comparator's 32-byte ShortText) need the aligned form of operator new.
      if constexpr (kOverAligned) return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
      return static_cast<T*>(::operator new(bytes));
    }
    const size_t mapped = MappingCache::Round(bytes);
    if (void* reused = MappingCache::Take(mapped)) return static_cast<T*>(reused);
    void* p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    madvise(p, mapped, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) noexcept {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      if constexpr (kOverAligned)
        ::operator delete(p, std::align_val_t{alignof(T)});
      else
        ::operator delete(p);
      return;
    }
    const size_t mapped = MappingCache::Round(bytes);
    if (!MappingCache::Give(p, mapped)) munmap(p, mapped);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

template <class T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace hearth::linkage
