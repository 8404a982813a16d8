// hearth import (INTERCHANGE.md): all or nothing in one transaction. The file is read twice: the first reading
// checks every line's fields and notes every id; then the ids the file refers to but does not hold are looked up in
// the database; the second reading checks every reference and consistency rule and writes each record (new, or
// changed under --update; an unchanged record is left alone, so importing a file again changes nothing). Any error
// anywhere rolls the whole import back.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "app/principal.hpp"
#include "domain/interchange_parse.hpp"
#include "ports/database.hpp"

namespace hearth {

// The lines of a file, readable twice.
class LineSource {
 public:
  virtual ~LineSource() = default;
  // The next line without its newline; false at the end. The view is valid until the next call.
  virtual bool Next(std::string_view& line) = 0;
  virtual void Rewind() = 0;
  // How far through the file the reader is, and its size, in bytes (for progress).
  virtual std::uint64_t Position() const = 0;
  virtual std::uint64_t Size() const = 0;
};

// kFinishing is reported once, with done = total = 0, when every line is written and the indexes set aside for the
// rows are being built again and the import committed: for a large file tens of seconds with no line to count.
enum class ImportPhase { kChecking, kWriting, kFinishing };
// Called now and then while reading: the phase and how many bytes of the file are done.
using ImportProgress = std::function<void(ImportPhase phase, std::uint64_t done, std::uint64_t total)>;

struct ImportOptions {
  bool update = false;            // --update: a stored record with other values is changed instead of refused
  std::size_t max_errors = 1000;  // errors kept for the report (all are counted)
};

struct ImportReport {
  std::vector<interchange::LineError> errors;  // in line order within each reading; at most max_errors
  std::size_t error_count = 0;                 // every error found
  std::array<std::size_t, interchange::kRecordTypeCount> records{};    // per type: records in the file
  std::array<std::size_t, interchange::kRecordTypeCount> written{};    // per type: inserted or updated
  std::array<std::size_t, interchange::kRecordTypeCount> unchanged{};  // per type: already held as given
  bool imported() const { return error_count == 0; }
};

class ImportService {
 public:
  explicit ImportService(Database& db) : db_(db) {}
  ImportReport Import(const Principal& who, LineSource& source, const ImportOptions& options,
                      const ImportProgress& progress = {});

 private:
  Database& db_;
};

}  // namespace hearth
