// The service report's row readers (storage/sqlite/report_store.cpp): typed values from a statement's columns,
// tables from row ids to positions and ids, and vectors reserved in 2 MiB pages. Only the report's load uses them:
// they throw StorageError ("service history: unexpected ...") on anything the schema should have ruled out.
#pragma once
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/service_history.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite::report_rows {

inline std::size_t MaxRow(Connection& c, std::string_view sql) {
  Statement s = c.Prepare(sql);
  return s.Step() ? static_cast<std::size_t>(std::max<std::int64_t>(s.Int(0), 0)) : 0;
}

// Each 4 KiB page of fresh memory costs a page fault when first written, and on this virtual machine a fault costs
// microseconds: the ten-year history's vectors (some 170 MB) took 50,000 faults, a quarter of the report's CPU time.
// Asking the kernel for 2 MiB pages for a big vector's buffer (transparent huge pages, which Linux gives on request
// in its default "madvise" mode) makes that some 100 faults. Only whole 2 MiB blocks inside the buffer are advised,
// so no memory outside it is affected; reserved memory beyond the 2 MiB block of the last row is still never touched.
// Advice only: where the kernel says no (another mode, no huge page free), the vector works as before.
template <class T>
inline void ReserveInHugePages(std::vector<T>& v, std::size_t n) {
  v.reserve(n);
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + v.capacity() * sizeof(T)) & ~(kHugePage - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

[[noreturn]] inline void Corrupt(std::string_view what) {
  throw StorageError("service history: unexpected " + std::string(what), 0);
}

inline Date DateAt(const Statement& s, int column) {
  const auto d = Date::Parse(s.TextView(column));
  if (!d) Corrupt("date");
  return *d;
}

// A column read in date order (through an index that leads with the date) repeats its date row after row: the
// last date's text and value are kept, so a repeat is a 10-byte comparison instead of a parse (the contacts alone
// are 2.3 million rows over ten years, on some 3,650 days). Correct in any order; only faster in date order.
class RepeatedDates {
 public:
  Date At(const Statement& s, int column) {
    const std::string_view text = s.TextView(column);
    if (text.size() == kLength && std::memcmp(text.data(), last_text_, kLength) == 0) return last_;
    last_ = DateAt(s, column);  // throws on anything but a date, whose text is kLength long
    std::memcpy(last_text_, text.data(), kLength);
    return last_;
  }

 private:
  static constexpr std::size_t kLength = 10;  // YYYY-MM-DD
  char last_text_[kLength] = {};                // no date's text until the first
  Date last_;
};

inline std::optional<Date> OptionalDateAt(const Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  return DateAt(s, column);
}

// ParseEnum compares the text with each name in turn (a memcmp for every name of the same length: 6 % of the
// ten-year load's samples). Here a name is only compared whole when its length and first and last letters match,
// which for Hearth's enumerations leaves one candidate; the result is the same.
template <class E>
inline E EnumAt(const Statement& s, int column) {
  const std::string_view text = s.TextView(column);
  if (!text.empty()) {
    const auto& names = EnumTraits<E>::kNames;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string_view name = names[i];
      if (name.size() == text.size() && name.front() == text.front() && name.back() == text.back() && name == text)
        return static_cast<E>(i);
    }
  }
  Corrupt("enumeration value");
}

// A worker's or family's row id as its key (row ids start at 1, so none is kNoOne).
inline GroupKey KeyAt(const Statement& s, int column) {
  if (s.IsNull(column)) return kNoOne;
  const std::int64_t row_id = s.Int(column);
  if (row_id <= 0 || row_id > std::int64_t{std::numeric_limits<GroupKey>::max()}) Corrupt("worker or family id");
  return static_cast<GroupKey>(row_id);
}

// Row id -> the interchange id of a team or service (few rows, so a plain vector by row id; row ids with no row
// have an empty id, which no record names).
class IdsByRow {
 public:
  IdsByRow(Connection& c, std::string_view sql) {
    for (Statement s = c.Prepare(sql); s.Step();) {
      const auto at = static_cast<std::size_t>(std::max<std::int64_t>(s.Int(0), 0));
      if (at >= ids_.size()) ids_.resize(at + 1);
      ids_[at] = s.Text(1);
    }
  }
  const std::string& At(std::int64_t row_id) const { return ids_[Position(row_id)]; }
  // Services are numbered by row id: ServiceHistory::services is `All()`.
  std::size_t Position(std::int64_t row_id) const {
    const auto at = static_cast<std::size_t>(row_id);
    if (row_id < 0 || at >= ids_.size()) Corrupt("team or service reference");
    return at;
  }
  const std::vector<std::string>& All() const { return ids_; }

 private:
  std::vector<std::string> ids_;
};

// Row id -> position in one of the history's vectors (episodes; referrals, for the episodes' referral dates).
class PositionByRow {
 public:
  void Add(std::int64_t row_id, EpisodeIndex index) {
    const auto at = static_cast<std::size_t>(row_id);
    if (at >= positions_.size()) positions_.resize(std::max(at + 1, positions_.size() * 2), kMissing);
    positions_[at] = index;
  }
  EpisodeIndex At(std::int64_t row_id) const {
    const auto at = static_cast<std::size_t>(row_id);
    if (row_id < 0 || at >= positions_.size() || positions_[at] == kMissing) Corrupt("reference");
    return positions_[at];
  }

 private:
  static constexpr EpisodeIndex kMissing = std::numeric_limits<EpisodeIndex>::max();
  std::vector<EpisodeIndex> positions_;
};

// On the helper thread the episodes are still being read, so their positions are not known yet: a record keeps its
// episode's row id in the position's place (episode row ids fit: checked before the threads start), and
// RowIdsToPositions turns them into positions once both threads are done.
class RowIdForNow {
 public:
  explicit RowIdForNow(std::int64_t max_episode_row) : max_(max_episode_row) {}
  EpisodeIndex At(std::int64_t row_id) const {
    if (row_id < 0 || row_id > max_) Corrupt("reference");
    return static_cast<EpisodeIndex>(row_id);
  }

 private:
  std::int64_t max_;
};

}  // namespace hearth::sqlite::report_rows
