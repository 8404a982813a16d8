#include "domain/returning_families.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "domain/report_tally.hpp"

namespace hearth {
namespace {

constexpr int kFollowUpDays = 365;
constexpr int kCohortFirstMonthsBack = 23;
constexpr int kCohortLastMonthsBack = 12;

// Every family's episode openings and statutory starts, sorted, so that "anything in [a, b]" is a binary search.
struct FamilyDates {
  std::vector<Date> opened;
  std::vector<Date> statutory;
};

std::size_t CountIn(const std::vector<Date>& sorted, Date a, Date b) {
  return static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), b) -
                                  std::lower_bound(sorted.begin(), sorted.end(), a));
}

}  // namespace

std::vector<ReturningMonth> ReturningFamiliesByMonth(const ServiceHistory& history, int first_month,
                                                     int last_month) {
  const int first_closure = first_month - kCohortFirstMonthsBack;
  const int last_closure = last_month - kCohortLastMonthsBack;
  const auto closures = static_cast<std::size_t>(last_closure - first_closure + 1);

  std::unordered_map<std::string_view, FamilyDates> families;
  families.reserve(history.episodes.size());
  for (const EpisodeFacts& e : history.episodes) families[e.family].opened.push_back(e.opened_on);
  for (const StatutoryFacts& s : history.statutory) {
    auto it = families.find(s.family);
    if (it != families.end()) it->second.statutory.push_back(s.started_on);
  }
  for (auto& [family, dates] : families) {
    std::sort(dates.opened.begin(), dates.opened.end());
    std::sort(dates.statutory.begin(), dates.statutory.end());
  }

  // Per closure month: episodes closed in it, and how many of those returned.
  std::vector<std::int64_t> closed(closures, 0), returned(closures, 0);
  for (const EpisodeFacts& e : history.episodes) {
    if (!e.closed_on) continue;
    const int month = MonthNumber(*e.closed_on);
    if (month < first_closure || month > last_closure) continue;
    const Date start = *e.closed_on;
    const Date end = start.AddDays(kFollowUpDays);
    const FamilyDates& dates = families.at(e.family);
    // The episode itself is in the interval only when it opened on the day it closed.
    const std::size_t others = CountIn(dates.opened, start, end) - (e.opened_on == start ? 1 : 0);
    const auto slot = static_cast<std::size_t>(month - first_closure);
    ++closed[slot];
    if (others > 0 || CountIn(dates.statutory, start, end) > 0) ++returned[slot];
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
