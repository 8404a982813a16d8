// The demo's only source of randomness. std::mt19937's output sequence is fixed by the standard, but the
// std::*_distribution adaptors are not (libstdc++ and libc++ give different values), so the helpers here map
// raw engine output to ranges themselves: the same seed gives the same service history on every platform.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <utility>

namespace hearth::demo {

template <class T>
struct WeightedValue {
  T value;
  int weight;  // relative; need not sum to 100
};

class DemoRandom {
 public:
  explicit DemoRandom(unsigned seed) : engine_(seed) {}

  // A value in [0, n) for n > 0 (multiply-shift: the bias is below 2^-32 for the small n used here).
  std::uint32_t Below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(engine_()) * n) >> 32);
  }

  // A value in [lo, hi], inclusive; lo when hi < lo.
  int Between(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(Below(static_cast<std::uint32_t>(hi - lo + 1)));
  }

  bool Percent(int percent) { return static_cast<int>(Below(100)) < percent; }

  template <class T>
  const T& Pick(std::span<const T> items) {
    return items[Below(static_cast<std::uint32_t>(items.size()))];
  }

  template <class T>
  const T& PickWeighted(std::span<const WeightedValue<T>> items) {
    int total = 0;
    for (const auto& item : items) total += item.weight;
    int roll = static_cast<int>(Below(static_cast<std::uint32_t>(total)));
    for (const auto& item : items) {
      if (roll < item.weight) return item.value;
      roll -= item.weight;
    }
    return items.back().value;
  }

 private:
  std::mt19937 engine_;
};

template <class T, std::size_t N>
const T& PickFrom(DemoRandom& rng, const std::array<WeightedValue<T>, N>& table) {
  return rng.PickWeighted(std::span<const WeightedValue<T>>(table));
}

}  // namespace hearth::demo
