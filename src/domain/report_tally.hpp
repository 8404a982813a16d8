// Small accumulators the service report is built from: the period test, means and fractions that are null over
// an empty set (METRICS.md), and months counted from the start of the period.
#pragma once
#include <cstdint>
#include <optional>

#include "common/date.hpp"

namespace hearth {

// P = [from, to], both ends inclusive.
struct Period {
  Date from;
  Date to;
  bool Contains(Date d) const { return from <= d && d <= to; }
  bool Contains(const std::optional<Date>& d) const { return d && Contains(*d); }
};

// A plain mean of whole numbers: summed exactly, divided once.
class MeanTally {
 public:
  void Add(std::int64_t value) {
    sum_ += value;
    ++count_;
  }
  std::optional<double> Get() const {
    if (count_ == 0) return std::nullopt;
    return static_cast<double>(sum_) / static_cast<double>(count_);
  }

 private:
  std::int64_t sum_ = 0;
  std::int64_t count_ = 0;
};

// The fraction of a set for which something holds.
class FractionTally {
 public:
  void Add(bool holds) {
    hits_ += holds ? 1 : 0;
    ++count_;
  }
  std::optional<double> Get() const {
    if (count_ == 0) return std::nullopt;
    return static_cast<double>(hits_) / static_cast<double>(count_);
  }

 private:
  std::int64_t hits_ = 0;
  std::int64_t count_ = 0;
};

// Months since year 0, so that month arithmetic (m − 23, m − 12) is subtraction.
inline int MonthNumber(Date d) { return d.Year() * 12 + static_cast<int>(d.Month()) - 1; }

// Optional ratio of two counts: nullopt when the denominator is zero.
inline std::optional<double> Ratio(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace hearth
