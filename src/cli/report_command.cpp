// `hearth report service --from D --to D [--team ID] --json|--csv|--xlsx FILE`: the service report of METRICS.md on standard
// output (JSON, CSV) or in a workbook (XLSX: the CSV's rows, which a terminal cannot show).
// Usage errors (missing or malformed dates, from after to, no format) exit with 2 and say what to fix.
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/report_service.hpp"
#include "app/service_report_csv.hpp"
#include "app/service_report_json.hpp"
#include "app/service_report_xlsx.hpp"
#include "app/timescale_config.hpp"
#include "app/user_admin.hpp"
#include "cli/commands.hpp"
#include "common/error.hpp"

namespace hearth::cli {
namespace {

constexpr int kUsageError = 2;

struct ReportOptions {
  std::string from;
  std::string to;
  std::string team;  // a team's interchange id; empty for the whole service
  bool json = false;
  bool csv = false;
  std::string xlsx;  // the workbook's path
};

int RunServiceReport(const CommonOptions& common, const ReportOptions& o) {
  const auto period = ParseReportPeriod(o.from, o.to);
  if (!period) {
    std::cerr << DescribeError(common, period.error());
    return kUsageError;
  }
  if (int(o.json) + int(o.csv) + int(!o.xlsx.empty()) != 1) {
    std::cerr << DescribeError(common, Error::Validation({{"format", "report.format_missing"}}));
    return kUsageError;
  }
  auto db = OpenDatabase(common.database);
  db->Migrate();
  const TimescaleConfig config = LoadTimescaleConfig(ResolveRoot(common.root) / "config/timescales.toml");
  const WorkingCalendar calendar(config.extra_holidays);
  ReportService reports(*db, nullptr, calendar);
  const auto report = reports.Service(SystemPrincipal(), period->from, period->to, o.team);
  if (!report) {
    std::cerr << DescribeError(common, report.error());
    return report.error().code == ErrorCode::kValidation ? kUsageError : 1;
  }
  const boost::json::object figures = ServiceReportJson(*report);
  if (!o.xlsx.empty()) {
    const std::string workbook = ServiceReportXlsx(figures);
    // Written beside the target and renamed into place, so a failed write never leaves half a workbook.
    const std::string partial = o.xlsx + ".part";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(workbook.data(), static_cast<std::streamsize>(workbook.size()));
    out.close();
    std::error_code renamed;
    if (out) std::filesystem::rename(partial, o.xlsx, renamed);
    if (!out || renamed) {
      std::filesystem::remove(partial, renamed);
      std::cerr << "hearth: cannot write " << o.xlsx << "\n";
      return 1;
    }
  } else if (o.csv) {
    std::cout << ServiceReportCsv(figures);
  } else {
    std::cout << boost::json::serialize(figures) << "\n";
  }
  return 0;
}

}  // namespace

void AddReportCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto opts = std::make_shared<ReportOptions>();
  auto* report = app.add_subcommand("report", "Reports of the service's figures");
  report->require_subcommand(1);
  auto* service = report->add_subcommand("service", "The service report of METRICS.md for a period");
  service->add_option("--from", opts->from, "First day of the period, YYYY-MM-DD (inclusive)");
  service->add_option("--to", opts->to, "Last day of the period, YYYY-MM-DD (inclusive)");
  service->add_option("--team", opts->team,
                      "Only this team's episodes and their records, by the team's interchange id (see docs/api.md)");
  service->add_flag("--json", opts->json, "Print the report as one JSON object");
  service->add_flag("--csv", opts->csv, "Print the report as CSV: section,key,subkey,value (docs/api.md)");
  service->add_option("--xlsx", opts->xlsx, "Write the report's CSV rows as an Excel workbook to this file");
  service->callback([&common, &run, opts] { run = [&common, opts] { return RunServiceReport(common, *opts); }; });
}

}  // namespace hearth::cli
