#include "domain/returning_families.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "domain/report_tally.hpp"

namespace hearth {
namespace {

constexpr int kFollowUpDays = 365;
constexpr int kCohortFirstMonthsBack = 23;
constexpr int kCohortLastMonthsBack = 12;

// Dates grouped by family in one flat array: family f's dates are dates[first[f]] .. dates[first[f + 1] - 1],
// sorted, so that "anything in [a, b]" is a binary search. One array instead of a vector per family: 120,000 small
// vectors cost more to allocate than the rest of the figure.
struct DatesByFamily {
  std::vector<std::uint32_t> first;
  std::vector<Date> dates;

  // `family_of[i]` is the family of `date_of(i)`, or kNone.
  template <class DateOf>
  DatesByFamily(std::size_t families, const std::vector<std::uint32_t>& family_of, DateOf date_of)
      : first(families + 1, 0) {
    for (const std::uint32_t f : family_of)
      if (f != kNone) ++first[f + 1];
    for (std::size_t f = 0; f < families; ++f) first[f + 1] += first[f];
    dates.resize(first[families]);
    std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < family_of.size(); ++i)
      if (family_of[i] != kNone) dates[next[family_of[i]]++] = date_of(i);
    for (std::size_t f = 0; f < families; ++f) std::sort(dates.begin() + first[f], dates.begin() + first[f + 1]);
  }
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  std::size_t CountIn(std::uint32_t family, Date a, Date b) const {
    const auto begin = dates.begin() + first[family], end = dates.begin() + first[family + 1];
    return static_cast<std::size_t>(std::upper_bound(begin, end, b) - std::lower_bound(begin, end, a));
  }
};

}  // namespace

std::vector<ReturningMonth> ReturningFamiliesByMonth(const ServiceHistory& history, int first_month,
                                                     int last_month) {
  const int first_closure = first_month - kCohortFirstMonthsBack;
  const int last_closure = last_month - kCohortLastMonthsBack;
  const auto closures = static_cast<std::size_t>(last_closure - first_closure + 1);

  // Families numbered in order of first appearance among the episodes; statutory involvements of families with no
  // episode cannot make an episode return, so they are left out.
  std::unordered_map<GroupKey, std::uint32_t> numbers;
  numbers.reserve(history.episodes.size());
  std::vector<std::uint32_t> episode_family(history.episodes.size());
  for (std::size_t i = 0; i < history.episodes.size(); ++i)
    episode_family[i] =
        numbers.try_emplace(history.episodes[i].family, static_cast<std::uint32_t>(numbers.size())).first->second;
  std::vector<std::uint32_t> statutory_family(history.statutory.size(), DatesByFamily::kNone);
  for (std::size_t i = 0; i < history.statutory.size(); ++i) {
    const auto it = numbers.find(history.statutory[i].family);
    if (it != numbers.end()) statutory_family[i] = it->second;
  }
  const DatesByFamily opened(numbers.size(), episode_family,
                             [&](std::size_t i) { return history.episodes[i].opened_on; });
  const DatesByFamily statutory(numbers.size(), statutory_family,
                                [&](std::size_t i) { return history.statutory[i].started_on; });

  // Per closure month: episodes closed in it, and how many of those returned.
  std::vector<std::int64_t> closed(closures, 0), returned(closures, 0);
  for (std::size_t i = 0; i < history.episodes.size(); ++i) {
    const EpisodeFacts& e = history.episodes[i];
    if (!e.closed_on) continue;
    const int month = MonthNumber(*e.closed_on);
    if (month < first_closure || month > last_closure) continue;
    const Date start = *e.closed_on;
    const Date end = start.AddDays(kFollowUpDays);
    const std::uint32_t family = episode_family[i];
    // The episode itself is in the interval only when it opened on the day it closed.
    const std::size_t others = opened.CountIn(family, start, end) - (e.opened_on == start ? 1 : 0);
    const auto slot = static_cast<std::size_t>(month - first_closure);
    ++closed[slot];
    if (others > 0 || statutory.CountIn(family, start, end) > 0) ++returned[slot];
  }

  std::vector<ReturningMonth> out;
  for (int m = first_month; m <= last_month; ++m) {
    ReturningMonth row;
    std::int64_t came_back = 0;
    for (int c = m - kCohortFirstMonthsBack; c <= m - kCohortLastMonthsBack; ++c) {
      row.cohort += closed[static_cast<std::size_t>(c - first_closure)];
      came_back += returned[static_cast<std::size_t>(c - first_closure)];
    }
    row.stayed_free = row.cohort - came_back;
    row.rate = Ratio(row.stayed_free, row.cohort);
    out.push_back(row);
  }
  return out;
}

}  // namespace hearth
