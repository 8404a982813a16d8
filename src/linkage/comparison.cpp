#include "linkage/comparison.hpp"

#include <cstdlib>
#include <stdexcept>

#include "linkage/similarity.hpp"

namespace hearth::linkage {

CompareScratch::CompareScratch(size_t columns, unsigned cache_bits)
    : size_(size_t{1} << cache_bits),
      shift_(64 - cache_bits),
      keys_(columns * size_, 0),
      sims_(columns * size_, 0.0f) {}

Comparator::Comparator(const Dataset& data) : data_(data) {
  if (data.columns.size() > 16) throw std::invalid_argument("at most 16 columns");
  for (const auto& column : data.columns) {
    ColumnPlan plan;
    plan.column = &column;
    plan.levels = column.config.levels;
    plan.partner = column.partner;
    for (size_t i = 0; i < plan.levels.size(); ++i)
      if (plan.levels[i].kind == LevelKind::kSwapped && column.partner >= 0) plan.swapped_code = static_cast<int>(i) + 1;
    columns_.push_back(std::move(plan));
  }
  for (size_t c = 0; c < columns_.size(); ++c) {
    const std::string& on = data.columns[c].config.conditional_on;
    if (on.empty()) continue;
    for (size_t t = 0; t < data.columns.size(); ++t)
      if (data.columns[t].config.name == on) columns_[c].condition = static_cast<int>(t);
    if (columns_[c].condition >= 0) columns_[c].split = ElseCode(c);
  }
  stride_ = columns_.size();
  const size_t n = data.Size();
  rows_.resize(n * stride_);
  for (size_t c = 0; c < stride_; ++c) {
    const auto& ids = data.columns[c].ids;
    for (size_t r = 0; r < n; ++r) rows_[r * stride_ + c] = ids[r];
  }
}

std::string Comparator::Label(size_t c, int code) const {
  if (code == 0) return "null";
  std::string suffix;
  if (columns_[c].split > 0 && code > columns_[c].split) {
    code -= columns_[c].split;
    suffix = " (same " + data_.columns[static_cast<size_t>(columns_[c].condition)].config.name + ")";
  }
  if (code >= ElseCode(c)) return "else" + suffix;
  return columns_[c].levels[static_cast<size_t>(code - 1)].label + suffix;
}

namespace {
bool SharesCanonical(const Column& col, uint32_t va, uint32_t vb) {
  for (uint32_t i = col.canon_begin[va]; i < col.canon_begin[va + 1]; ++i)
    for (uint32_t j = col.canon_begin[vb]; j < col.canon_begin[vb + 1]; ++j)
      if (col.canon[i] == col.canon[j]) return true;
  return false;
}

int AgreeingDateParts(const DateParts& a, const DateParts& b) {
  return (a.year == b.year) + (a.month == b.month) + (a.day == b.day);
}
}  // namespace

int Comparator::CompareColumn(size_t c, const uint32_t* ra, const uint32_t* rb, CompareScratch& scratch) const {
  const ColumnPlan& plan = columns_[c];
  const Column& col = *plan.column;
  const uint32_t va = ra[c], vb = rb[c];
  if (va == 0 || vb == 0) return 0;
  float jw = -1.0f;
  const size_t n = plan.levels.size();
  for (size_t i = 0; i < n; ++i) {
    const Level& level = plan.levels[i];
    const int code = static_cast<int>(i) + 1;
    switch (level.kind) {
      case LevelKind::kExact:
        if (va == vb) return code;
        break;
      case LevelKind::kNickname:
        if (va == vb || (!col.canon_begin.empty() && SharesCanonical(col, va, vb))) return code;
        break;
      case LevelKind::kSwapped: {
        const auto p = static_cast<size_t>(plan.partner);
        const uint32_t fa = ra[p], fb = rb[p];
        if (fa != 0 && fb != 0 && col.cross[va] == fb && col.cross[vb] == fa) return code;
        break;
      }
      case LevelKind::kJaroWinkler:
        if (va == vb) return code;
        if (jw < 0) {
          const uint32_t lo = va < vb ? va : vb, hi = va < vb ? vb : va;
          jw = scratch.Similarity(c, lo, hi, [&] {
            return static_cast<float>(JaroWinkler(col.values.Get(lo), col.values.Get(hi)));
          });
        }
        // Stored as float: compare with the threshold rounded the same way.
        if (jw >= static_cast<float>(level.threshold)) return code;
        break;
      case LevelKind::kLevenshtein:
        if (va == vb || Levenshtein(col.values.Get(va), col.values.Get(vb)) <= static_cast<int>(level.threshold))
          return code;
        break;
      case LevelKind::kDamerau:
        if (va == vb || DamerauLevenshtein(col.values.Get(va), col.values.Get(vb)) <= static_cast<int>(level.threshold))
          return code;
        break;
      case LevelKind::kInitial: {
        auto a = col.values.Get(va), b = col.values.Get(vb);
        if (!a.empty() && !b.empty() && a[0] == b[0]) return code;
        break;
      }
      case LevelKind::kDayMonthSwapped: {
        if (col.dates.empty()) break;
        const DateParts &a = col.dates[va], &b = col.dates[vb];
        if (va != vb && a.year == b.year && a.day == b.month && a.month == b.day) return code;
        break;
      }
      case LevelKind::kYearMonth: {
        if (col.dates.empty()) break;
        const DateParts &a = col.dates[va], &b = col.dates[vb];
        if (a.year == b.year && a.month == b.month) return code;
        break;
      }
      case LevelKind::kTwoOfThree:
        if (!col.dates.empty() && AgreeingDateParts(col.dates[va], col.dates[vb]) >= 2) return code;
        break;
      case LevelKind::kWithinDays:
        if (!col.dates.empty() &&
            std::abs(col.dates[va].day_number - col.dates[vb].day_number) <= static_cast<int32_t>(level.threshold))
          return code;
        break;
      case LevelKind::kPostcodeSector:
        if (!col.sector.empty() && col.sector[va] != 0 && col.sector[va] == col.sector[vb]) return code;
        break;
      case LevelKind::kPostcodeDistrict:
        if (!col.district.empty() && col.district[va] != 0 && col.district[va] == col.district[vb]) return code;
        break;
      case LevelKind::kPostcodeArea:
        if (!col.area.empty() && col.area[va] != 0 && col.area[va] == col.area[vb]) return code;
        break;
    }
  }
  return static_cast<int>(n) + 1;
}

Pattern Comparator::Compare(uint32_t a, uint32_t b, CompareScratch& scratch) const {
  const uint32_t* ra = &rows_[static_cast<size_t>(a) * stride_];
  const uint32_t* rb = &rows_[static_cast<size_t>(b) * stride_];
  Pattern p = 0;
  int swapped_partner = -1;
  for (size_t c = 0; c < stride_; ++c) {
    const int code = CompareColumn(c, ra, rb, scratch);
    p |= static_cast<Pattern>(code) << (c * kBitsPerColumn);
    if (code != 0 && code == columns_[c].swapped_code) swapped_partner = columns_[c].partner;
  }
  // A swap is evidence carried by the given name's level; the family name adds nothing of its own.
  if (swapped_partner >= 0) p = WithGamma(p, static_cast<size_t>(swapped_partner), 0);
  for (size_t c = 0; c < stride_; ++c) {
    const ColumnPlan& plan = columns_[c];
    if (plan.condition < 0) continue;
    const int code = GammaOf(p, c);
    if (code != 0 && GammaOf(p, static_cast<size_t>(plan.condition)) == 1) p = WithGamma(p, c, code + plan.split);
  }
  return p;
}

}  // namespace hearth::linkage
