// SQLite implementation of the interchange port (SQL in interchange_queries.cpp).
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ports/interchange.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

class SqliteInterchange final : public InterchangeRepository {
 public:
  explicit SqliteInterchange(Connection& c) : c_(c) {}
  void BeginBulkImport() override;
  void EndBulkImport() override;
  std::int64_t MaxRow(interchange::RecordType type) override;
  std::optional<StoredRecord> Find(interchange::RecordType type, std::string_view id) override;
  std::optional<std::string> TeamNamed(std::string_view name) override;
  void Write(const RecordWrite& write) override;
  void ForEach(interchange::RecordType type, const std::function<void(boost::json::object&)>& visit) override;
  std::string CommonRoleOfTeam(std::string_view team_id) override;
  std::string InstancePrefix() override;

 private:
  std::int64_t ObjectiveFor(std::int64_t episode_row, std::string_view outcome, std::string_view target_on,
                            std::string_view created_at);
  std::string UsernameFor(std::string_view external_id, std::int64_t row);
  std::string ServiceKeyFor(std::string_view name, std::int64_t row);
  void SetAsideIndexesOfEmptyTables();

  Connection& c_;
  // CREATE INDEX statements of the indexes BeginBulkImport dropped, to run again in EndBulkImport.
  std::vector<std::string> set_aside_;
  // Objectives made or found during this import, by (episode row, outcome text).
  std::map<std::pair<std::int64_t, std::string>, std::int64_t, std::less<>> objectives_;
};

}  // namespace hearth::sqlite
