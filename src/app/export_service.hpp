// hearth export (INTERCHANGE.md): the header line, then every record of every type as one JSON object per line,
// ids being external ids and optional fields left out when empty. Audited (action export, the record count).
#pragma once
#include <array>
#include <functional>
#include <string>
#include <string_view>

#include "app/principal.hpp"
#include "domain/interchange_schema.hpp"
#include "ports/database.hpp"

namespace hearth {

struct ExportOptions {
  // The name of the team export writes for staff Hearth holds without one (INTERCHANGE.md requires a team).
  std::string no_team_name;
};

struct ExportReport {
  std::array<std::size_t, interchange::kRecordTypeCount> records{};
  std::size_t total = 0;
};

class ExportService {
 public:
  explicit ExportService(Database& db) : db_(db) {}
  // Calls `write` with each line, without its newline.
  ExportReport Export(const Principal& who, const ExportOptions& options,
                      const std::function<void(std::string_view line)>& write);

 private:
  Database& db_;
};

}  // namespace hearth
