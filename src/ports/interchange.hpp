// Port: the records of INTERCHANGE.md as the database holds them. Each record is read as the JSON object export
// writes (ids are external ids) and written from a checked line of a file with its references already resolved to
// row ids, so that an import of millions of lines is one pass of prepared inserts.
#pragma once
#include <array>
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/interchange_schema.hpp"

namespace hearth {

struct StoredRecord {
  std::int64_t row = 0;
  boost::json::object record;  // as export writes it, "type" included
};

// One checked record of a file, ready to be written.
struct RecordWrite {
  interchange::RecordType type{};
  const boost::json::object* record = nullptr;
  std::int64_t row = 0;       // the row to insert, or the stored row to update
  bool update = false;        // the database holds the record (with other values): change it
  std::array<std::int64_t, 16> refs{};  // by field index (TypeSpec::fields): the row each reference names; 0 none
  std::string_view stage;     // episode: computed from its dates
  std::int64_t worker_row = 0;   // episode: its open intervention worker's row
  std::int64_t family_row = 0;   // appraisal: its episode's family
  std::string_view derived_date;  // action: target date of a new objective; appraisal: its due date
  std::string_view created_at;  // UTC timestamp of the import
};

class InterchangeRepository {
 public:
  virtual ~InterchangeRepository() = default;
  // Readies this unit of work for one large import: references are not checked row by row (the file's records come
  // in any order; the importer resolves every one itself, and a bulk write has foreign keys off) and the page cache
  // is enlarged. The secondary indexes of tables that are empty now may be set aside until EndBulkImport.
  virtual void BeginBulkImport() = 0;
  // After the last Write of an import that will be committed: rebuilds whatever BeginBulkImport set aside, in the
  // same transaction (a unique index that cannot be rebuilt throws, and the import rolls back).
  virtual void EndBulkImport() = 0;
  // The largest row id of the table holding `type` (0 when empty): new rows take the ids after it.
  virtual std::int64_t MaxRow(interchange::RecordType type) = 0;
  // The record with external id `id`, as export writes it.
  virtual std::optional<StoredRecord> Find(interchange::RecordType type, std::string_view id) = 0;
  // The external id of the team called `name`, if one exists.
  virtual std::optional<std::string> TeamNamed(std::string_view name) = 0;
  // Inserts or updates one record (and, for an action, its objective row; for a worker, the user's sign-in name).
  virtual void Write(const RecordWrite& write) = 0;
  // Every exportable record of `type` (for the instruments: final rows only), as export writes it, in row order.
  // Teams without a kind and workers without a team come out without those members (see ExportService).
  virtual void ForEach(interchange::RecordType type, const std::function<void(boost::json::object&)>& visit) = 0;
  // The most common role among a team's members ("" when none), for teams Hearth holds without a kind.
  virtual std::string CommonRoleOfTeam(std::string_view team_id) = 0;
  // This database's prefix of the ids of records made in Hearth (migration 0006).
  virtual std::string InstancePrefix() = 0;
};

}  // namespace hearth
