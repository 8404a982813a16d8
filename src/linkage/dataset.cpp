#include "linkage/dataset.hpp"

#include <algorithm>
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
    auto it = StreetWords().find(word);
    if (!out.empty()) out.push_back(' ');
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

int64_t Dataset::Find(std::string_view id, int side) const {
  uint32_t begin = side == 0 ? 0 : left_count_;
  uint32_t end = side == 0 ? left_count_ : Size();
  for (uint32_t r = begin; r < end; ++r)
    if (Id(r) == id) return r;
  return -1;
}

size_t Dataset::MemoryBytes() const {
  size_t bytes = id_chars_.capacity() + id_offsets_.capacity() * 8;
  for (const auto& c : columns)
    bytes += c.ids.capacity() * 4 + c.values.MemoryBytes() + c.counts.capacity() * 4 + c.dates.capacity() * 8;
  return bytes;
}

DatasetBuilder::DatasetBuilder(const LinkageConfig& config, const NameVariants& variants)
    : config_(config), variants_(variants) {}

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
  cells.columns.resize(indexes.size());
  ReadReport report;
  report.unterminated_quotes = file.UnterminatedQuotes();
  std::vector<std::string_view> fields;
  const size_t width = header.size();
  auto cell_of = [&](std::string_view f) {
    return Cell{static_cast<uint32_t>(f.data() - cells.base), static_cast<uint32_t>(f.size())};
  };
  while (file.NextRow(fields)) {
    ++report.rows;
    if (fields.size() < width) ++report.short_rows;
    if (fields.size() > width) ++report.long_rows;
    std::string_view id = static_cast<size_t>(id_index) < fields.size() ? Trim(fields[id_index]) : std::string_view();
    if (id.empty()) {
      ++report.empty_ids;
      const std::string generated = "#" + std::to_string(data_.Size() + 1);
      data_.id_chars_.insert(data_.id_chars_.end(), generated.begin(), generated.end());
    } else {
      data_.id_chars_.insert(data_.id_chars_.end(), id.begin(), id.end());
    }
    data_.id_offsets_.push_back(data_.id_chars_.size());
    for (size_t c = 0; c < indexes.size(); ++c) {
      auto i = static_cast<size_t>(indexes[c]);
      cells.columns[c].push_back(i < fields.size() ? cell_of(fields[i]) : Cell{0, kAbsent});
    }
  }
  report.unterminated_quotes = file.UnterminatedQuotes();
  data_.reads.push_back(report);
  if (files_.empty()) data_.left_count_ = data_.Size();
  files_.push_back(std::move(cells));
  return true;
}

void DatasetBuilder::BuildColumn(size_t c, Column& column) const {
  column.config = config_.columns[c];
  const ColumnType type = column.config.type;
  size_t total = 0;
  for (const auto& f : files_) total += f.columns[c].size();
  column.ids.reserve(total);
  column.dates.assign(1, DateParts{});
  column.sector.assign(1, 0);
  column.district.assign(1, 0);
  column.area.assign(1, 0);
  StringPool raw;
  std::vector<uint32_t> raw_to_value{0};
  auto standardise = [&](std::string_view text) -> uint32_t {
    if (type == ColumnType::kDate) {
      auto d = ParseDate(text, column.config.date_formats);
      if (!d) return 0;
      uint32_t id = column.values.Intern(FormatIsoDate(*d));
      if (id == column.dates.size()) column.dates.push_back(*d);
      return id;
    }
    if (type == ColumnType::kPostcode) {
      Postcode p = ParsePostcode(text);
      if (p.full.empty()) return 0;
      uint32_t id = column.values.Intern(p.full);
      if (id == column.sector.size()) {
        column.sector.push_back(p.sector.empty() ? 0 : column.parts.Intern(p.sector));
        column.district.push_back(p.district.empty() ? 0 : column.parts.Intern(p.district));
        column.area.push_back(p.area.empty() ? 0 : column.parts.Intern(p.area));
      }
      return id;
    }
    std::string s = StandardiseText(type, text);
    return s.empty() ? 0 : column.values.Intern(s);
  };
  for (const auto& f : files_) {
    for (const Cell& cell : f.columns[c]) {
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
      if (r == raw_to_value.size()) raw_to_value.push_back(standardise(text));
      uint32_t v = raw_to_value[r];
      ++(v == 0 ? column.report.invalid : column.report.present);
      column.ids.push_back(v);
    }
  }
  if (type == ColumnType::kGivenName) {
    // Canonical forms join the dictionary (Robert may occur only as the canonical form of Bob).
    std::vector<std::string_view> forms;
    column.canon_begin.assign(1, 0);
    column.canon.assign(1, 0);
    for (uint32_t v = 1; v < column.values.Size(); ++v) {
      column.canon_begin.push_back(static_cast<uint32_t>(column.canon.size()));
      std::string text(column.values.Get(v));
      variants_.Canonicals(text, forms);
      std::vector<std::string> copies(forms.begin(), forms.end());  // Intern may move the pool's text
      for (const auto& form : copies) column.canon.push_back(column.values.Intern(form));
    }
    column.canon_begin.push_back(static_cast<uint32_t>(column.canon.size()));
  }
  column.counts.assign(column.values.Size(), 0);
  for (uint32_t v : column.ids) ++column.counts[v];
  column.non_null = total - column.counts[0];
  column.counts[0] = 0;
}

Dataset DatasetBuilder::Finish(unsigned threads) {
  data_.columns.resize(config_.columns.size());
  ParallelFor(config_.columns.size(), threads, [&](size_t c, unsigned) { BuildColumn(c, data_.columns[c]); });
  int family = -1;
  for (size_t c = 0; c < data_.columns.size(); ++c)
    if (family < 0 && data_.columns[c].config.type == ColumnType::kFamilyName) family = static_cast<int>(c);
  for (auto& column : data_.columns) {
    if (column.config.type != ColumnType::kGivenName || family < 0) continue;
    const Column& f = data_.columns[static_cast<size_t>(family)];
    column.partner = family;
    column.cross.resize(column.values.Size());
    for (uint32_t v = 0; v < column.values.Size(); ++v) column.cross[v] = v == 0 ? 0 : f.values.Find(column.values.Get(v));
  }
  files_.clear();
  return std::move(data_);
}

}  // namespace hearth::linkage
