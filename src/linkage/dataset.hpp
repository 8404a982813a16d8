// Records after standardisation, held column by column: each column is a dictionary of distinct standardised
// values (a StringPool) and one 4-byte value id per record (0 = missing). Equal values compare by id, term
// frequencies are counts per id, and every per-value computation (parsing a date, a postcode's sector, a name's
// canonical form) runs once per distinct value rather than once per record.
#pragma once
#include "linkage/big_vector.hpp"
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "linkage/config.hpp"
#include "linkage/csv.hpp"
#include "linkage/dates.hpp"
#include "linkage/name_variants.hpp"
#include "linkage/string_pool.hpp"

namespace hearth::linkage {

// What standardisation made of one column's input: never fatal, always reported.
struct ColumnReport {
  uint64_t present = 0;  // usable values
  uint64_t empty = 0;    // empty fields
  uint64_t invalid = 0;  // text that standardised to nothing or a date that did not parse (treated as missing)
  uint64_t absent = 0;   // rows too short to have this field
};

struct Column {
  ColumnConfig config;
  BigVector<uint32_t> ids;       // per record
  StringPool values;             // standardised text (dates as YYYY-MM-DD, postcodes as "SW1A 1AA")
  std::vector<uint32_t> counts;  // records per value id
  uint64_t non_null = 0;
  // Given names: canonical forms (ids in `values`) of value v are canon[canon_begin[v] .. canon_begin[v+1]).
  std::vector<uint32_t> canon_begin;
  std::vector<uint32_t> canon;
  // Given names: id of the same text in the family-name column (0 if it never occurs there), for swaps.
  std::vector<uint32_t> cross;
  int partner = -1;  // given names: index of the family-name column
  // Dates.
  std::vector<DateParts> dates;
  // Postcodes: ids in `parts` (0 when the value is not a UK postcode or lacks that part).
  std::vector<uint32_t> sector, district, area;
  StringPool parts;
  ColumnReport report;

  uint32_t PrimaryCanonical(uint32_t v) const { return canon[canon_begin[v]]; }
};

struct ReadReport {
  uint64_t rows = 0;
  uint64_t short_rows = 0;  // fewer fields than the header: the missing fields count as absent
  uint64_t long_rows = 0;   // more fields than the header: the extra fields are ignored
  uint64_t empty_ids = 0;   // given a generated id "#<row>"
  uint64_t unterminated_quotes = 0;
};

class Dataset {
 public:
  uint32_t Size() const { return static_cast<uint32_t>(id_spans_.size()); }
  // Records [0, LeftCount()) came from the first file; in a dedupe that is every record.
  uint32_t LeftCount() const { return left_count_; }
  bool IsLink() const { return left_count_ != Size(); }
  std::string_view Id(uint32_t record) const {
    return std::string_view(id_chars_.data() + id_spans_[record].start, id_spans_[record].length);
  }
  void PrefetchId(uint32_t record) const {
    __builtin_prefetch(&id_spans_[record]);
    __builtin_prefetch(id_chars_.data() + id_spans_[record].start);
  }
  // The record with this id in the given side (0: first file, 1: second), or -1.
  int64_t Find(std::string_view id, int side = 0) const;
  // Adds one record (raw values in configuration order), standardising and adding new values to the
  // dictionaries, and returns its index; PopRecord removes the last one again (its new values stay, unused).
  // Term-frequency counts are not changed. For probing an index with one record at a time.
  uint32_t AppendRecord(std::string_view id, const std::vector<std::string_view>& raw, const NameVariants& variants);
  void PopRecord();

  std::vector<Column> columns;
  std::vector<ReadReport> reads;  // one per input file
  size_t MemoryBytes() const;

  // Records are stored in an order that puts likely pairs near each other in memory (see DatasetBuilder::Finish);
  // InputOrder(i) is the record that was the i-th of the input (first file, then second).
  uint32_t InputOrder(uint32_t i) const { return input_order_.empty() ? i : input_order_[i]; }
  // Reorders the records: order[new] = old. Keeps the first file's records first.
  void Reorder(const std::vector<uint32_t>& order);

 private:
  friend class DatasetBuilder;
  friend class PersonIndex;
  struct Span {
    uint64_t start;
    uint64_t length;
  };
  void AddId(std::string_view id) {
    id_spans_.push_back({id_chars_.size(), id.size()});
    id_chars_.insert(id_chars_.end(), id.begin(), id.end());
  }
  BigVector<char> id_chars_;  // ids in input order; a reorder moves only the spans
  BigVector<Span> id_spans_;
  uint32_t left_count_ = 0;
  std::vector<uint32_t> input_order_;  // input position -> record; empty when in input order
};

// Reads one or two CSV files (two for `link match`) into a Dataset.
class DatasetBuilder {
 public:
  // `threads`: for parsing rows (AddFile); Finish takes its own.
  DatasetBuilder(const LinkageConfig& config, const NameVariants& variants, unsigned threads = 1);
  // Checks the header and collects the configured fields of every row. Errors (a configured column missing from
  // the header) name the configuration file, line and key.
  Result<bool> AddFile(CsvFile& file);
  // Standardises every column (columns in parallel) and returns the dataset. The files must still be alive.
  Dataset Finish(unsigned threads);

 private:
  struct Cell {
    uint32_t offset = 0;
    uint32_t length = 0;
  };
  struct FileCells {
    const char* base = nullptr;
    // Per range of rows parsed in parallel (in file order), per configured column. Kept as parsed rather than
    // joined into one array per column: joining copied them into fresh pages the kernel had to zero.
    std::vector<std::vector<BigVector<Cell>>> parts;
  };
  void BuildColumn(size_t c, Column& column) const;

  const LinkageConfig& config_;
  const NameVariants& variants_;
  unsigned threads_ = 1;
  std::vector<FileCells> files_;
  Dataset data_;
};

// A column ready to receive values (its per-value arrays hold the entry for "missing").
void InitColumn(Column& column, const ColumnConfig& config);
// Standardises one raw value and returns its value id (0 when nothing usable is left), adding it and what is
// derived from it (date parts, postcode parts, canonical given names) when it is new.
uint32_t InternRawValue(Column& column, std::string_view raw, const NameVariants& variants);
// Given-name columns: the family-name column and, per value, the same text's id there (for swapped names).
void LinkPartners(Dataset& data);

// The standardised form of one raw value of a column type (names, codes, address text); "" when nothing usable
// is left. Dates and postcodes have their own parsers.
std::string StandardiseText(ColumnType type, std::string_view raw);

}  // namespace hearth::linkage
