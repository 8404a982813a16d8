// Vectors for the engine's large arrays (a million records make arrays of tens to hundreds of megabytes). Large
// blocks are mapped directly and marked for transparent huge pages, which on this kind of machine (a VM, THP in
// "madvise" mode) cuts the page-fault cost of filling them by about half the run time of the early stages.
#pragma once
#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <vector>

namespace hearth::linkage {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kThreshold = size_t{1} << 20;  // smaller blocks come from the ordinary heap
  static constexpr size_t kHugePage = size_t{1} << 21;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert implicitly

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) return static_cast<T*>(::operator new(bytes));
    const size_t mapped = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    void* p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    madvise(p, mapped, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) noexcept {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      ::operator delete(p);
      return;
    }
    munmap(p, (bytes + kHugePage - 1) & ~(kHugePage - 1));
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

template <class T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace hearth::linkage
