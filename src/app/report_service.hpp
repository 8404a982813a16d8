// The service report (METRICS.md) for service leads, managers and analysts: loads the history, computes the
// figures, and audits that the report was viewed (aggregate figures only: no record or family is named).
#pragma once
#include <string_view>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/service_report.hpp"
#include "domain/working_days.hpp"
#include "ports/database.hpp"
#include "ports/reports.hpp"

namespace hearth {

struct ReportPeriod {
  Date from;
  Date to;
};

// The period from its two texts (command line options, query parameters): field errors on "from" / "to" when a
// date is missing or not YYYY-MM-DD, and on "to" when it comes before "from".
Result<ReportPeriod> ParseReportPeriod(std::string_view from, std::string_view to);

class ReportService {
 public:
  // `calendar` must outlive the service (the working-day rules of the deployment, with its extra holidays).
  ReportService(Database& db, AuditSink* sink, const WorkingCalendar& calendar)
      : db_(db), sink_(sink), calendar_(calendar) {}

  // P = [from, to]; `from` after `to` is a validation error on "to". Needs Capability::kViewReports.
  // `team` empty: the whole service. Otherwise a team's interchange id (a key of ReportNames::teams): the report of
  // that team's part of the history (TeamPartOf); a team that does not exist is a validation error on "team".
  Result<ServiceReport> Service(const Principal& who, Date from, Date to, std::string_view team = {});
  // Team and service names for the dashboard (empty for a caller without kViewReports).
  ReportNames Names(const Principal& who);

 private:
  Database& db_;
  AuditSink* sink_;
  const WorkingCalendar& calendar_;
};

}  // namespace hearth
