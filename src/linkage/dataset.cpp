#include "linkage/dataset.hpp"

#include <algorithm>
#include <cstring>
#include <utility>
#include <unordered_map>

#include "linkage/parallel.hpp"
#include "linkage/postcode.hpp"
#include "linkage/text.hpp"

namespace hearth::linkage {

namespace {
constexpr uint32_t kAbsent = UINT32_MAX;  // Cell length for a field the row did not have

// Common street-type abbreviations, so "High St" and "High Street" are the same address text.
const std::unordered_map<std::string_view, std::string_view>& StreetWords() {
  static const std::unordered_map<std::string_view, std::string_view> kWords = {
      {"st", "street"},    {"rd", "road"},     {"ave", "avenue"}, {"av", "avenue"},   {"ln", "lane"},
      {"cl", "close"},     {"cres", "crescent"}, {"cr", "crescent"}, {"dr", "drive"}, {"gdns", "gardens"},
      {"pl", "place"},     {"sq", "square"},   {"ct", "court"},   {"tce", "terrace"}, {"terr", "terrace"},
      {"pk", "park"},      {"gr", "grove"},    {"gro", "grove"},  {"hse", "house"},   {"flt", "flat"},
      {"wy", "way"},       {"mt", "mount"},    {"bldgs", "buildings"}, {"ests", "estate"}, {"est", "estate"},
  };
  return kWords;
}

std::string ExpandStreetWords(const std::string& folded) {
  std::string out;
  out.reserve(folded.size() + 8);
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view word(folded.data() + start, end - start);
    if (!out.empty()) out.push_back(' ');
    auto it = word.size() <= 5 ? StreetWords().find(word) : StreetWords().end();  // abbreviations are short
    out.append(it == StreetWords().end() ? word : it->second);
    start = end + 1;
  }
  return out;
}
}  // namespace

std::string StandardiseText(ColumnType type, std::string_view raw) {
  std::string out;
  switch (type) {
    case ColumnType::kCode:
    case ColumnType::kHouseNumber:
    case ColumnType::kPostcode:
      FoldCode(raw, out);
      return out;
    case ColumnType::kAddressText:
      FoldText(raw, out);
      return out.empty() ? out : ExpandStreetWords(out);
    default:
      FoldText(raw, out);
      return out;
  }
}

uint32_t Dataset::AppendRecord(std::string_view id, const std::vector<std::string_view>& raw,
                               const NameVariants& variants) {
  const bool link = IsLink();
  std::vector<uint32_t> before;
  for (const auto& c : columns) before.push_back(c.values.Size());
  for (size_t c = 0; c < columns.size(); ++c) {
    std::string_view text = c < raw.size() ? Trim(raw[c]) : std::string_view();
    columns[c].ids.push_back(text.empty() ? 0 : InternRawValue(columns[c], text, variants));
  }
  // Swap links for new values only: a new given name may exist as a family name, and the other way round.
  for (auto& g : columns) {
    if (g.config.type != ColumnType::kGivenName || g.partner < 0) continue;
    const auto f = static_cast<size_t>(g.partner);
    const size_t gi = static_cast<size_t>(&g - columns.data());
    g.cross.resize(g.values.Size(), 0);
    for (uint32_t v = before[gi]; v < g.values.Size(); ++v) g.cross[v] = columns[f].values.Find(g.values.Get(v));
    for (uint32_t v = before[f]; v < columns[f].values.Size(); ++v)
      if (uint32_t gv = g.values.Find(columns[f].values.Get(v)); gv != 0) g.cross[gv] = v;
  }
  AddId(id);
  if (!link) left_count_ = Size();
  return Size() - 1;
}

void Dataset::PopRecord() {
  for (auto& c : columns) c.ids.pop_back();
  id_chars_.resize(id_spans_.back().start);
  id_spans_.pop_back();
  if (left_count_ > Size()) left_count_ = Size();
}

int64_t Dataset::Find(std::string_view id, int side) const {
  uint32_t begin = side == 0 ? 0 : left_count_;
  uint32_t end = side == 0 ? left_count_ : Size();
  for (uint32_t r = begin; r < end; ++r)
    if (Id(r) == id) return r;
  return -1;
}

size_t Dataset::MemoryBytes() const {
  size_t bytes = id_chars_.capacity() + id_spans_.capacity() * sizeof(Span);
  for (const auto& c : columns)
    bytes += c.ids.capacity() * 4 + c.values.MemoryBytes() + c.counts.capacity() * 4 + c.dates.capacity() * 8;
  return bytes;
}

DatasetBuilder::DatasetBuilder(const LinkageConfig& config, const NameVariants& variants, unsigned threads)
    : config_(config), variants_(variants), threads_(std::max(1u, threads)) {}

Result<bool> DatasetBuilder::AddFile(CsvFile& file) {
  auto header_error = [&](const std::string& key, int line, const std::string& name) {
    std::string where = config_.path + (line > 0 ? ":" + std::to_string(line) : "");
    return Error{ErrorCode::kValidation,
                 where + ": " + key + ": column '" + name + "' is not in the header of " + file.Path(),
                 "linkage.config_error",
                 {}};
  };
  const auto& header = file.Header();
  auto find = [&](std::string_view name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (Trim(header[i]) == name) return static_cast<int>(i);
    return -1;
  };
  int id_index = find(config_.id_column);
  if (id_index < 0) return header_error("id_column", config_.id_column_line, config_.id_column);
  std::vector<int> indexes;
  for (const auto& c : config_.columns) {
    int i = find(c.name);
    if (i < 0) return header_error("columns." + c.name, c.line, c.name);
    indexes.push_back(i);
  }
  FileCells cells;
  cells.base = file.Data();
  ReadReport report;
  // The rows are parsed in parallel, in ranges of whole rows; each range's cells and ids are then appended in order.
  struct Chunk {
    std::vector<BigVector<Cell>> columns;
    std::vector<std::string_view> ids;  // "" for a row without an id
    ReadReport report;
  };
  const auto ranges = file.SplitRows(threads_);
  std::vector<Chunk> chunks(ranges.size());
  const size_t width = header.size();
  ParallelFor(ranges.size(), threads_, [&](size_t k, unsigned) {
    Chunk& chunk = chunks[k];
    chunk.columns.resize(indexes.size());
    // Line ends bound the range's rows (quoted newlines only make it generous): reserving that much at once saves
    // the copies, and the fresh pages the kernel zeroes, of growing the big vectors step by step.
    size_t lines = 1;
    const char* const range_end = cells.base + ranges[k].end;
    for (const char* q = cells.base + ranges[k].begin;
         (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<size_t>(range_end - q)))) != nullptr; ++q)
      ++lines;
    for (auto& column : chunk.columns) column.reserve(lines);
    chunk.ids.reserve(lines);
    std::vector<std::string_view> fields;
    size_t pos = ranges[k].begin;
    uint64_t line = 0, row_line = 0;
    while (file.NextRowIn(pos, ranges[k].end, fields, line, row_line, chunk.report.unterminated_quotes)) {
      ++chunk.report.rows;
      if (fields.size() < width) ++chunk.report.short_rows;
      if (fields.size() > width) ++chunk.report.long_rows;
      chunk.ids.push_back(static_cast<size_t>(id_index) < fields.size() ? Trim(fields[static_cast<size_t>(id_index)])
                                                                         : std::string_view());
      for (size_t c = 0; c < indexes.size(); ++c) {
        auto i = static_cast<size_t>(indexes[c]);
        chunk.columns[c].push_back(i < fields.size() ? Cell{static_cast<uint32_t>(fields[i].data() - cells.base),
                                                            static_cast<uint32_t>(fields[i].size())}
                                                     : Cell{0, kAbsent});
      }
    }
  });
  uint64_t rows = 0;
  for (const Chunk& chunk : chunks) rows += chunk.report.rows;
  data_.id_spans_.reserve(data_.id_spans_.size() + rows);
  size_t id_bytes = 0;  // reserved at once: growing a big vector step by step copies it and faults in fresh pages
  for (const Chunk& chunk : chunks)
    for (std::string_view id : chunk.ids) id_bytes += id.empty() ? 12 : id.size();
  data_.id_chars_.reserve(data_.id_chars_.size() + id_bytes);
  for (Chunk& chunk : chunks) {
    cells.parts.push_back(std::move(chunk.columns));
    for (std::string_view id : chunk.ids) {
      if (id.empty()) {
        ++report.empty_ids;
        data_.AddId("#" + std::to_string(data_.Size() + 1));
      } else {
        data_.AddId(id);
      }
    }
    report.rows += chunk.report.rows;
    report.short_rows += chunk.report.short_rows;
    report.long_rows += chunk.report.long_rows;
    report.unterminated_quotes += chunk.report.unterminated_quotes;
    chunk = Chunk{};
  }
  report.unterminated_quotes += file.UnterminatedQuotes();  // in the header
  data_.reads.push_back(report);
  if (files_.empty()) data_.left_count_ = data_.Size();
  files_.push_back(std::move(cells));
  return true;
}

void InitColumn(Column& column, const ColumnConfig& config) {
  column.config = config;
  column.dates.assign(1, DateParts{});
  column.sector.assign(1, 0);
  column.district.assign(1, 0);
  column.area.assign(1, 0);
  column.counts.assign(1, 0);
  if (config.type == ColumnType::kGivenName) {
    column.canon_begin.assign(2, 0);  // value 0, then the end sentinel
    column.canon.clear();
  }
}

uint32_t InternRawValue(Column& column, std::string_view raw, const NameVariants& variants) {
  const ColumnType type = column.config.type;
  uint32_t id = 0;
  if (type == ColumnType::kDate) {
    auto d = ParseDate(raw, column.config.date_formats);
    if (!d) return 0;
    id = column.values.Intern(FormatIsoDate(*d));
    if (id == column.dates.size()) column.dates.push_back(*d);
  } else if (type == ColumnType::kPostcode) {
    Postcode p = ParsePostcode(raw);
    if (p.full.empty()) return 0;
    id = column.values.Intern(p.full);
    if (id == column.sector.size()) {
      column.sector.push_back(p.sector.empty() ? 0 : column.parts.Intern(p.sector));
      column.district.push_back(p.district.empty() ? 0 : column.parts.Intern(p.district));
      column.area.push_back(p.area.empty() ? 0 : column.parts.Intern(p.area));
    }
  } else {
    std::string s = StandardiseText(type, raw);
    if (s.empty()) return 0;
    id = column.values.Intern(s);
  }
  if (type == ColumnType::kGivenName) {
    // Canonical forms join the dictionary (Robert may occur only as the canonical form of Bob); each new value,
    // canonical forms included, gets its list.
    std::vector<std::string_view> forms;
    while (column.canon_begin.size() - 1 < column.values.Size()) {
      const auto v = static_cast<uint32_t>(column.canon_begin.size() - 1);
      column.canon_begin.back() = static_cast<uint32_t>(column.canon.size());
      std::string text(column.values.Get(v));
      variants.Canonicals(text, forms);
      std::vector<std::string> copies(forms.begin(), forms.end());  // Intern may move the pool's text
      for (const auto& form : copies) column.canon.push_back(column.values.Intern(form));
      column.canon_begin.push_back(static_cast<uint32_t>(column.canon.size()));
    }
  }
  if (column.counts.size() < column.values.Size()) column.counts.resize(column.values.Size(), 0);
  return id;
}

void LinkPartners(Dataset& data) {
  int family = -1;
  for (size_t c = 0; c < data.columns.size(); ++c)
    if (family < 0 && data.columns[c].config.type == ColumnType::kFamilyName) family = static_cast<int>(c);
  if (family < 0) return;
  const Column& f = data.columns[static_cast<size_t>(family)];
  for (auto& column : data.columns) {
    if (column.config.type != ColumnType::kGivenName) continue;
    column.partner = family;
    const size_t known = column.cross.size();
    column.cross.resize(column.values.Size(), 0);
    for (uint32_t v = 1; v < column.values.Size(); ++v)
      if (v >= known || column.cross[v] == 0) column.cross[v] = f.values.Find(column.values.Get(v));
  }
}

void DatasetBuilder::BuildColumn(size_t c, Column& column) const {
  InitColumn(column, config_.columns[c]);
  size_t total = 0;
  for (const auto& f : files_)
    for (const auto& part : f.parts) total += part[c].size();
  column.ids.reserve(total);
  // Each distinct raw text is standardised once: a dictionary of raw texts maps to value ids.
  StringPool raw;
  std::vector<uint32_t> raw_to_value{0};
  for (const auto& f : files_) {
    for (const auto& part : f.parts) {
    for (const Cell& cell : part[c]) {
      if (cell.length == kAbsent) {
        ++column.report.absent;
        column.ids.push_back(0);
        continue;
      }
      std::string_view text = Trim(std::string_view(f.base + cell.offset, cell.length));
      if (text.empty()) {
        ++column.report.empty;
        column.ids.push_back(0);
        continue;
      }
      uint32_t r = raw.Intern(text);
      if (r == raw_to_value.size()) raw_to_value.push_back(InternRawValue(column, text, variants_));
      uint32_t v = raw_to_value[r];
      ++(v == 0 ? column.report.invalid : column.report.present);
      column.ids.push_back(v);
    }
    }
  }
  column.counts.assign(column.values.Size(), 0);
  for (uint32_t v : column.ids) ++column.counts[v];
  column.non_null = total - column.counts[0];
  column.counts[0] = 0;
}

namespace {
// Records sorted by family name, then postcode, then given name (value ids: equal values together, whatever their
// order), within each file. Households and namesakes then sit together, so most blocks' records, and the texts
// they are compared on, share cache lines: comparisons are bound by memory latency, not arithmetic.
std::vector<uint32_t> LocalityOrder(const Dataset& data) {
  std::vector<const BigVector<uint32_t>*> keys;
  for (ColumnType type : {ColumnType::kFamilyName, ColumnType::kFullName, ColumnType::kPostcode,
                          ColumnType::kAddressText, ColumnType::kGivenName}) {
    for (const auto& c : data.columns) {
      if (c.config.type == type && keys.size() < 3) {
        keys.push_back(&c.ids);
        break;
      }
    }
  }
  const uint32_t n = data.Size();
  std::vector<uint32_t> order(n);
  for (uint32_t r = 0; r < n; ++r) order[r] = r;
  if (keys.empty()) return order;
  // A packed key (20, 20 and 7 bits of the three value ids: overflow only loosens the grouping), the file in the
  // top bit so that the first file stays first, then a stable radix sort in three passes.
  // Big vectors: served from the mappings the parsed cells just gave back, not from fresh pages.
  BigVector<std::pair<uint64_t, uint32_t>> items(n), buffer(n);
  const int bits[3] = {20, 20, 7};
  for (uint32_t r = 0; r < n; ++r) {
    uint64_t key = r < data.LeftCount() ? 0 : 1;
    for (size_t k = 0; k < 3; ++k) key = (key << bits[k]) | (k < keys.size() ? ((*keys[k])[r] & ((1u << bits[k]) - 1)) : 0);
    items[r] = {key, r};
  }
  std::vector<uint32_t> counts(1 << 16);
  for (int shift = 0; shift < 48; shift += 16) {
    std::fill(counts.begin(), counts.end(), 0);
    for (const auto& it : items) ++counts[(it.first >> shift) & 0xFFFF];
    uint32_t sum = 0;
    for (auto& c : counts) sum += std::exchange(c, sum);
    for (const auto& it : items) buffer[counts[(it.first >> shift) & 0xFFFF]++] = it;
    items.swap(buffer);
  }
  for (uint32_t r = 0; r < n; ++r) order[r] = items[r].second;
  return order;
}
}  // namespace

void Dataset::Reorder(const std::vector<uint32_t>& order) {
  const uint32_t n = Size();
  for (auto& c : columns) {
    BigVector<uint32_t> ids(n);
    for (uint32_t r = 0; r < n; ++r) ids[r] = c.ids[order[r]];
    c.ids.swap(ids);
  }
  BigVector<Span> spans(n);
  for (uint32_t r = 0; r < n; ++r) spans[r] = id_spans_[order[r]];
  id_spans_.swap(spans);
  std::vector<uint32_t> new_of_old(n);
  for (uint32_t r = 0; r < n; ++r) new_of_old[order[r]] = r;
  if (input_order_.empty()) {
    input_order_ = std::move(new_of_old);
  } else {
    for (auto& record : input_order_) record = new_of_old[record];
  }
}

Dataset DatasetBuilder::Finish(unsigned threads) {
  data_.columns.resize(config_.columns.size());
  // Columns with many distinct values first, so that the longest task does not start last.
  auto weight = [](ColumnType t) {
    switch (t) {
      case ColumnType::kAddressText: return 0;
      case ColumnType::kFamilyName: case ColumnType::kFullName: return 1;
      case ColumnType::kPostcode: case ColumnType::kCode: case ColumnType::kText: return 2;
      case ColumnType::kGivenName: return 3;
      default: return 4;
    }
  };
  std::vector<size_t> order(config_.columns.size());
  for (size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return weight(config_.columns[a].type) < weight(config_.columns[b].type);
  });
  ParallelFor(order.size(), threads, [&](size_t k, unsigned) { BuildColumn(order[k], data_.columns[order[k]]); });
  LinkPartners(data_);
  files_.clear();
  data_.Reorder(LocalityOrder(data_));
  return std::move(data_);
}

}  // namespace hearth::linkage
