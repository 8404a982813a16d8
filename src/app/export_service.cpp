#include "app/export_service.hpp"

#include "app/audit_log.hpp"
#include "domain/interchange_index.hpp"

namespace hearth {
namespace json = boost::json;
using interchange::RecordType;

ExportReport ExportService::Export(const Principal& who, const ExportOptions& options,
                                   const std::function<void(std::string_view line)>& write) {
  ExportReport report;
  auto emit = [&](RecordType type, const json::object& record) {
    write(json::serialize(record));
    ++report.records[interchange::TypeIndex(type)];
    ++report.total;
  };
  write(R"({"type":"header","format":"hearth-interchange","version":1})");
  {
    auto uow = db_.BeginRead();
    auto& repo = uow->Interchange();
    const std::string no_team_id = repo.InstancePrefix() + "-team-none";
    bool staff_without_team = false;
    for (const auto& spec : interchange::AllTypes()) {
      repo.ForEach(spec.type, [&](json::object& record) {
        // Teams made before kinds were recorded take the kind their members' commonest role suggests; staff
        // without a team belong to one team written for them (docs/architecture.md, "Interchange").
        if (spec.type == RecordType::kTeam && !record.contains("kind"))
          record["kind"] = interchange::TeamKindForRole(repo.CommonRoleOfTeam(record.at("id").as_string()));
        if (spec.type == RecordType::kWorker && !record.contains("team")) {
          record["team"] = no_team_id;
          staff_without_team = true;
        }
        emit(spec.type, record);
      });
      if (spec.type == RecordType::kWorker && staff_without_team)
        emit(
            RecordType::kTeam,
            json::object{{"type", "team"}, {"id", no_team_id}, {"name", options.no_team_name}, {"kind", "management"}});
    }
  }
  AuditSeparately(db_, nullptr, who, "export", {"interchange", static_cast<RecordId>(report.total), 0}, "ok");
  return report;
}

}  // namespace hearth
