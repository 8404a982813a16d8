#include "app/report_service.hpp"

#include "app/audit_log.hpp"
#include "domain/team_history.hpp"

namespace hearth {
namespace {
constexpr std::string_view kRecordType = "service_report";

Date ParseField(std::string_view text, const char* field, std::vector<FieldError>& errors) {
  if (text.empty()) {
    errors.push_back({field, "report.date_missing"});
    return Date();
  }
  const auto d = Date::Parse(text);
  if (!d) errors.push_back({field, "report.date_invalid"});
  return d.value_or(Date());
}
}  // namespace

Result<ReportPeriod> ParseReportPeriod(std::string_view from, std::string_view to) {
  std::vector<FieldError> errors;
  const ReportPeriod period{ParseField(from, "from", errors), ParseField(to, "to", errors)};
  if (errors.empty() && period.from > period.to) errors.push_back({"to", "report.period_order"});
  if (!errors.empty()) return Error::Validation(std::move(errors), "report period invalid");
  return period;
}

Result<ServiceReport> ReportService::Service(const Principal& who, Date from, Date to, std::string_view team) {
  if (!who.Can(Capability::kViewReports)) {
    AuditSeparately(db_, sink_, who, "view", {kRecordType, 0, 0}, "denied");
    return Error::Forbidden("service report");
  }
  if (from > to) return Error::Validation({{"to", "report.period_order"}}, "report period ends before it starts");
  // The team is checked in a read of its own, before the load: the history may be read on two connections only
  // by a unit of work that has read nothing else (SQLite can put a second connection on a snapshot only as it is
  // taken), and an unknown team should not cost a load. Teams are never deleted, so one known here is known to it.
  if (!team.empty() && !db_.BeginRead()->Reports().LoadNames().teams.count(std::string(team)))
    return Error::Validation({{"team", "report.team_unknown"}}, "no such team");
  ServiceHistory history = db_.BeginRead()->Reports().LoadServiceHistory(from, to);
  if (!team.empty()) history = TeamPartOf(history, team);
  ServiceReport report = ComputeServiceReport(history, from, to, calendar_);
  AuditSeparately(db_, sink_, who, "view", {kRecordType, 0, 0}, "ok");
  return report;
}

ReportNames ReportService::Names(const Principal& who) {
  if (!who.Can(Capability::kViewReports)) return {};
  auto uow = db_.BeginRead();
  return uow->Reports().LoadNames();
}

}  // namespace hearth
