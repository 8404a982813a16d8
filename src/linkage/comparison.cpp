#include "linkage/comparison.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "linkage/similarity.hpp"

namespace hearth::linkage {

CompareScratch::CompareScratch(size_t columns, unsigned cache_bits)
    : size_(size_t{1} << cache_bits),
      shift_(64 - cache_bits),
      levels_(columns * size_, 0) {}

namespace {
// One bit per letter, digit and space; other bytes share the remaining bits (a shared bit only loosens the bound).
unsigned CharacterBit(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  if (c == ' ') return 36;
  return 37 + c % 27;
}

constexpr unsigned kSignatureLetters = 27;  // a-z, then one bit for every other byte
constexpr uint32_t kLetterMask = (1u << kSignatureLetters) - 1;
constexpr size_t kSignatureMaxLength = 31;
}  // namespace

uint32_t TextSignature(std::string_view text) {
  if (text.empty() || text.size() > kSignatureMaxLength) return 0;
  uint32_t letters = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    letters |= 1u << (c >= 'a' && c <= 'z' ? c - 'a' : kSignatureLetters - 1);
  }
  return static_cast<uint32_t>(text.size()) << kSignatureLetters | letters;
}

#if defined(__x86_64__)
__attribute__((target("popcnt")))
#endif
int EditsAtLeast(uint32_t sa, uint32_t sb) {
  const int la = static_cast<int>(sa >> kSignatureLetters), lb = static_cast<int>(sb >> kSignatureLetters);
  const int only_a = __builtin_popcount(sa & ~sb & kLetterMask), only_b = __builtin_popcount(sb & ~sa & kLetterMask);
  return std::max({la > lb ? la - lb : lb - la, only_a, only_b});
}

// As JaroWinklerBound below: a byte of a whose bit b lacks matches nothing, so at most la - |bits of a only|
// characters match; transpositions are taken as none and the common prefix as four.
#if defined(__x86_64__)
__attribute__((target("popcnt")))
#endif
float JaroWinklerAtMost(uint32_t sa, uint32_t sb) {
  const int la = static_cast<int>(sa >> kSignatureLetters), lb = static_cast<int>(sb >> kSignatureLetters);
  if (la == 0 || lb == 0) return 1.0f;
  const int ma = la - __builtin_popcount(sa & ~sb & kLetterMask);
  const int mb = lb - __builtin_popcount(sb & ~sa & kLetterMask);
  const float m = static_cast<float>(std::min(ma, mb));
  if (m <= 0) return 0.0f;
  const float jaro = (m / static_cast<float>(la) + m / static_cast<float>(lb) + 1.0f) / 3.0f;
  const float prefix = static_cast<float>(std::min({4, la, lb}));
  // The bonus applies above 0.7 in double precision: a Jaro of exactly 0.7 may measure just above it (test found).
  return jaro < 0.699f ? jaro : jaro + 0.1f * prefix * (1.0f - jaro);
}

bool Comparator::RuledOut(const ColumnPlan& plan, uint32_t sa, uint32_t sb) const {
  if (sa == 0 || sb == 0) return false;
  if (plan.highest_edits >= 0 && EditsAtLeast(sa, sb) <= plan.highest_edits) return false;
  // The same slack as the text bound: the measured similarity is compared as a float.
  return JaroWinklerAtMost(sa, sb) + 1e-4f < plan.lowest_similarity;
}

#if defined(__x86_64__)
__attribute__((target("popcnt")))  // the hardware instruction rather than libgcc's routine
#endif
float Comparator::JaroWinklerBound(size_t c, uint32_t va, uint32_t vb) const {
  const ShortText& a = short_text_[c][va];
  const ShortText& b = short_text_[c][vb];
  if (a.length == 255 || b.length == 255 || a.length == 0 || b.length == 0) return 1.0f;
  // Each distinct character of a that b lacks leaves at least one position of a unmatched, and vice versa.
  const int la = a.length, lb = b.length;
  const int ma = la - __builtin_popcountll(a.characters & ~b.characters);
  const int mb = lb - __builtin_popcountll(b.characters & ~a.characters);
  const float m = static_cast<float>(std::min(ma, mb));
  if (m <= 0) return 0.0f;
  const float jaro = (m / static_cast<float>(la) + m / static_cast<float>(lb) + 1.0f) / 3.0f;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.text[prefix] == b.text[prefix]) ++prefix;
  return jaro <= 0.7f ? jaro : jaro + 0.1f * static_cast<float>(prefix) * (1.0f - jaro);
}

Comparator::Comparator(const Dataset& data) : data_(data) {
  if (data.columns.size() > 16) throw std::invalid_argument("at most 16 columns");
  for (const auto& column : data.columns) {
    ColumnPlan plan;
    plan.column = &column;
    plan.levels = column.config.levels;
    plan.partner = column.partner >= 0 ? static_cast<size_t>(column.partner) : 0;
    for (size_t i = 0; i < plan.levels.size(); ++i)
      if (plan.levels[i].kind == LevelKind::kSwapped && column.partner >= 0) plan.swapped_code = static_cast<int>(i) + 1;
    plan.exact_first = !plan.levels.empty() && plan.levels[0].kind == LevelKind::kExact;
    plan.memo_levels = column.config.type == ColumnType::kGivenName;
    columns_.push_back(std::move(plan));
  }
  for (size_t c = 0; c < columns_.size(); ++c) {
    const std::string& on = data.columns[c].config.conditional_on;
    if (on.empty()) continue;
    for (size_t t = 0; t < data.columns.size(); ++t)
      if (data.columns[t].config.name == on) columns_[c].condition = static_cast<int>(t);
    if (columns_[c].condition < 0) continue;
    ColumnPlan& plan = columns_[c];
    plan.split = ElseCode(c);
    // The place agrees when the anchor agrees closely (a postcode exactly or to the sector, so that a typo in the
    // last letters does not undo the conditioning) ...
    const auto& anchor_levels = columns_[static_cast<size_t>(plan.condition)].levels;
    for (size_t i = 0; i < anchor_levels.size(); ++i)
      if (anchor_levels[i].kind == LevelKind::kExact || anchor_levels[i].kind == LevelKind::kPostcodeSector)
        plan.agree_codes |= 1u << (i + 1);
    // ... and, for a family name, also when an address line given the same anchor is identical (the postcode
    // missing or mistyped: a household still shares the address and the surname).
    if (data.columns[c].config.type != ColumnType::kFamilyName) continue;
    for (size_t x = 0; x < data.columns.size(); ++x)
      if (x != c && data.columns[x].config.conditional_on == on && data.columns[x].config.type == ColumnType::kAddressText &&
          !columns_[x].levels.empty() && columns_[x].levels[0].kind == LevelKind::kExact)
        plan.also_exact.push_back(x);
  }
  // Rows padded to 4, 8 or 16 words so that no record's row straddles two cache lines.
  stride_ = columns_.size() <= 4 ? 4 : columns_.size() <= 8 ? 8 : 16;
  // Signatures go in the padding only (the rows never grow for them), to the columns in order.
  size_t next_slot = columns_.size();
  signatures_.resize(columns_.size());
  for (auto& plan : columns_) {
    if (plan.memo_levels || next_slot >= stride_) continue;
    bool eligible = true;
    for (const Level& l : plan.levels) {
      if (l.kind == LevelKind::kJaroWinkler) {
        plan.lowest_similarity = std::min(plan.lowest_similarity, static_cast<float>(l.threshold));
      } else if (l.kind == LevelKind::kLevenshtein || l.kind == LevelKind::kDamerau) {
        plan.highest_edits = std::max(plan.highest_edits, static_cast<int>(l.threshold));
      } else if (l.kind != LevelKind::kExact) {
        eligible = false;
      }
    }
    if (eligible && (plan.lowest_similarity <= 1.0f || plan.highest_edits >= 0)) {
      plan.signature_slot = static_cast<int>(next_slot++);
    } else {
      plan.lowest_similarity = 2.0f;
      plan.highest_edits = -1;
    }
  }
  for (const auto& plan : columns_) conditioned_ = conditioned_ || plan.condition >= 0;
  short_text_.resize(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) {
    bool measured = false;
    for (const Level& l : columns_[c].levels)
      measured = measured || l.kind == LevelKind::kJaroWinkler || l.kind == LevelKind::kLevenshtein ||
                 l.kind == LevelKind::kDamerau || l.kind == LevelKind::kInitial || l.kind == LevelKind::kSwapped ||
                 l.kind == LevelKind::kNickname;
    if (measured) text_columns_.push_back(c);
  }
  // The swap level reads the family column's text too.
  for (const auto& plan : columns_)
    if (plan.swapped_code > 0 && std::find(text_columns_.begin(), text_columns_.end(), plan.partner) == text_columns_.end())
      text_columns_.push_back(plan.partner);
  for (size_t c : text_columns_) {
    bool swap_partner = false;
    for (const auto& plan : columns_) swap_partner = swap_partner || (plan.swapped_code > 0 && plan.partner == c);
    if (columns_[c].signature_slot < 0 || swap_partner) prefetched_columns_.push_back(c);
  }
  Sync();
}

void Comparator::Sync() {
  const size_t n = data_.Size();
  const size_t had = rows_.size() / std::max<size_t>(stride_, 1);
  rows_.resize(n * stride_);
  for (size_t c = 0; c < columns_.size(); ++c) {
    const auto& ids = data_.columns[c].ids;
    for (size_t r = had; r < n; ++r) rows_[r * stride_ + c] = ids[r];
    if (columns_[c].signature_slot < 0) continue;
    const StringPool& pool = data_.columns[c].values;
    auto& signatures = signatures_[c];
    const uint32_t from = static_cast<uint32_t>(std::max<size_t>(signatures.size(), 1));
    signatures.resize(pool.Size(), 0);
    for (uint32_t v = from; v < pool.Size(); ++v) signatures[v] = TextSignature(pool.Get(v));
    const auto slot = static_cast<size_t>(columns_[c].signature_slot);
    for (size_t r = had; r < n; ++r) rows_[r * stride_ + slot] = signatures[ids[r]];
  }
  for (size_t c : text_columns_) {
    const StringPool& pool = data_.columns[c].values;
    auto& slots = short_text_[c];
    const uint32_t from = static_cast<uint32_t>(std::max<size_t>(slots.size(), 1));
    slots.resize(pool.Size());
    for (uint32_t v = from; v < pool.Size(); ++v) {
      std::string_view t = pool.Get(v);
      if (t.size() > sizeof(ShortText::text)) {
        slots[v].length = 255;
        continue;
      }
      slots[v].length = static_cast<uint8_t>(t.size());
      std::copy(t.begin(), t.end(), slots[v].text);
      for (char ch : t) slots[v].characters |= uint64_t{1} << CharacterBit(ch);
    }
  }
}

std::string Comparator::Label(size_t c, int code) const {
  if (code == 0) return "null";
  std::string suffix;
  if (columns_[c].split > 0 && code > columns_[c].split) {
    code -= columns_[c].split;
    suffix = " (same place)";
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

// Given and family names exchanged. Both halves exact; or one half exact and the other a variant of it (Roberts
// Abigail and Abbie Roberts: the nickname table, or Jaro–Winkler >= 0.8 for a typo, whatever its first letter); or
// each half within a typo of the other (Jaro–Winkler >= 0.88, first letters kept). A swap with a nickname or a
// typo on top was "else" before, and such pairs were missed (about 90 of 75,000 true pairs at 100,000 moderate).
bool Comparator::Swapped(size_t c, uint32_t va, uint32_t vb, uint32_t fa, uint32_t fb) const {
  const Column& col = *columns_[c].column;
  if (fa == 0 || fb == 0) return false;
  const bool a_given_is_b_family = col.cross[va] == fb, b_given_is_a_family = col.cross[vb] == fa;
  if (a_given_is_b_family && b_given_is_a_family) return true;
  const auto p = static_cast<size_t>(columns_[c].partner);
  const std::string_view ga = Text(c, va), gb = Text(c, vb), sa = Text(p, fa), sb = Text(p, fb);
  if (ga.empty() || gb.empty() || sa.empty() || sb.empty()) return false;
  if (a_given_is_b_family || b_given_is_a_family) {
    // The other half: a given name (in the given-name column) against the other record's family name.
    const uint32_t given = a_given_is_b_family ? vb : va;
    const std::string_view family = a_given_is_b_family ? sa : sb;
    constexpr double kVariantSimilarity = 0.8;
    if (JaroWinkler(Text(c, given), family) >= kVariantSimilarity) return true;
    if (col.canon_begin.empty()) return false;
    const uint32_t as_given = col.values.Find(family);
    return as_given != 0 && as_given + 1 < col.canon_begin.size() && SharesCanonical(col, given, as_given);
  }
  if (ga[0] != sb[0] || sa[0] != gb[0]) return false;
  constexpr double kSwapSimilarity = 0.88;
  return JaroWinkler(ga, sb) >= kSwapSimilarity && JaroWinkler(sa, gb) >= kSwapSimilarity;
}

// A nickname with a typo on either side (Patick and Padraig: Patrick within one edit): one record's canonical form
// within one edit of the other's, at least one of them coming from the nickname table.
bool Comparator::TypoedNickname(size_t c, uint32_t va, uint32_t vb) const {
  const Column& col = *columns_[c].column;
  const uint32_t ca = col.PrimaryCanonical(va), cb = col.PrimaryCanonical(vb);
  if (ca == va && cb == vb) return false;  // two names with no variants: the typo levels decide
  return EditDistanceWithin(Text(c, ca), Text(c, cb), 1, true);
}

// A memoised column's levels other than "swapped" depend on its two values only, and every measure is symmetric,
// so they are cached per unordered value pair; "swapped" (which reads the family names too) is checked only when
// it comes before the cached level — the first level satisfied is then the same as a search in order would find.
int Comparator::CompareColumn(size_t c, const uint32_t* ra, const uint32_t* rb, CompareScratch& scratch) const {
  const ColumnPlan& plan = columns_[c];
  const uint32_t va = ra[c], vb = rb[c];
  if (va == 0 || vb == 0) return 0;
  if (!plan.memo_levels) return SearchLevels(c, ra, rb, false);
  const int code = scratch.Level(c, std::min(va, vb), std::max(va, vb),
                                 [&] { return SearchLevels(c, ra, rb, true); });
  if (plan.swapped_code > 0 && plan.swapped_code < code && Swapped(c, va, vb, ra[plan.partner], rb[plan.partner]))
    return plan.swapped_code;
  return code;
}

int Comparator::SearchLevels(size_t c, const uint32_t* ra, const uint32_t* rb, bool skip_swapped) const {
  const ColumnPlan& plan = columns_[c];
  const Column& col = *plan.column;
  const uint32_t va = ra[c], vb = rb[c];
  float jw = -1.0f;
  float jw_bound = -1.0f;
  const size_t n = plan.levels.size();
  for (size_t i = 0; i < n; ++i) {
    const Level& level = plan.levels[i];
    const int code = static_cast<int>(i) + 1;
    switch (level.kind) {
      case LevelKind::kExact:
        if (va == vb) return code;
        break;
      case LevelKind::kNickname:
        if (va == vb || (!col.canon_begin.empty() && (SharesCanonical(col, va, vb) || TypoedNickname(c, va, vb))))
          return code;
        break;
      case LevelKind::kSwapped:  // never applies without a family-name column
        if (!skip_swapped && plan.swapped_code != 0 && Swapped(c, va, vb, ra[plan.partner], rb[plan.partner]))
          return code;
        break;
      case LevelKind::kJaroWinkler:
        if (va == vb) return code;
        if (jw < 0) {
          if (jw_bound < 0) jw_bound = JaroWinklerBound(c, va, vb);
          if (jw_bound + 1e-4f < static_cast<float>(level.threshold)) break;  // cannot reach this level
          // Given names have their whole level memoised (CompareColumn); other columns have too many distinct
          // values for a cache to pay for its own memory access.
          const uint32_t lo = va < vb ? va : vb, hi = va < vb ? vb : va;
          jw = static_cast<float>(JaroWinkler(Text(c, lo), Text(c, hi)));
        }
        // Stored as float: compare with the threshold rounded the same way.
        if (jw >= static_cast<float>(level.threshold)) return code;
        break;
      case LevelKind::kLevenshtein:
        if (va == vb || EditDistanceWithin(Text(c, va), Text(c, vb), static_cast<int>(level.threshold), false))
          return code;
        break;
      case LevelKind::kDamerau:
        if (va == vb || EditDistanceWithin(Text(c, va), Text(c, vb), static_cast<int>(level.threshold), true))
          return code;
        break;
      case LevelKind::kInitial: {
        auto a = Text(c, va), b = Text(c, vb);
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
  int swapped_partner = -1;  // the family column when the given name's level is "swapped"
  for (size_t c = 0; c < columns_.size(); ++c) {
    // Missing values and equal values (most agreeing columns) need no level search.
    int code;
    if (ra[c] == 0 || rb[c] == 0) {
      code = 0;
    } else if (ra[c] == rb[c] && columns_[c].exact_first) {
      code = 1;
    } else if (const int slot = columns_[c].signature_slot;
               slot >= 0 && ra[c] != rb[c] && RuledOut(columns_[c], ra[slot], rb[slot])) {
      code = ElseCode(c);
    } else {
      code = CompareColumn(c, ra, rb, scratch);
    }
    p |= static_cast<Pattern>(code) << (c * kBitsPerColumn);
    if (code != 0 && code == columns_[c].swapped_code) swapped_partner = static_cast<int>(columns_[c].partner);
  }
  // A swap is evidence carried by the given name's level; the family name adds nothing of its own.
  if (swapped_partner >= 0) p = WithGamma(p, static_cast<size_t>(swapped_partner), 0);
  if (!conditioned_) return p;
  const Pattern base = p;  // conditions look at the other columns' own levels
  for (size_t c = 0; c < columns_.size(); ++c) {
    const ColumnPlan& plan = columns_[c];
    const int code = GammaOf(base, c);
    if (plan.condition < 0 || code == 0) continue;
    bool agree = (plan.agree_codes >> GammaOf(base, static_cast<size_t>(plan.condition))) & 1u;
    for (size_t x : plan.also_exact) agree = agree || GammaOf(base, x) == 1;
    if (agree) p = WithGamma(p, c, code + plan.split);
  }
  return p;
}

}  // namespace hearth::linkage
