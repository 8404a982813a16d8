// Every closed enumeration of the service is written to storage, JSON and forms by the names that
// INTERCHANGE.md fixes; EnumTraits<E>::kNames lists them in declaration order.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace hearth {

template <class E>
struct EnumTraits;  // specialise: static constexpr std::array<std::string_view, N> kNames;

template <class E>
constexpr std::string_view ToString(E e) {
  return EnumTraits<E>::kNames[static_cast<std::size_t>(e)];
}

template <class E>
constexpr std::optional<E> ParseEnum(std::string_view name) {
  const auto& names = EnumTraits<E>::kNames;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

template <class E>
constexpr std::array<E, EnumTraits<E>::kNames.size()> AllValues() {
  std::array<E, EnumTraits<E>::kNames.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
  return out;
}

}  // namespace hearth
