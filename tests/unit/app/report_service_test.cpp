// The service report use case: who may see it, the period's validation, and the audit row each view leaves.
#include "app/report_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::TempDatabase;

Principal As(Role role) {
  Principal p;
  p.user_id = 0;
  p.username = "someone";
  p.role = role;
  return p;
}

std::vector<AuditEvent> ReportEvents(Database& db) {
  auto uow = db.BeginRead();
  std::vector<AuditEvent> out;
  for (auto& e : uow->Audit().ListRecent(0, 100))
    if (e.record_type == "service_report") out.push_back(e);
  return out;
}

bool HasField(const Error& e, const std::string& field, const std::string& key) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

TEST(ReportPeriod, NamesTheFieldOfAMissingOrMalformedDateAndAnEndBeforeTheStart) {
  EXPECT_TRUE(ParseReportPeriod("2024-01-01", "2024-01-01"));
  const auto missing = ParseReportPeriod("", "2024-01-01");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(HasField(missing.error(), "from", "report.date_missing"));
  const auto malformed = ParseReportPeriod("2024-01-01", "2024-02-30");
  ASSERT_FALSE(malformed);
  EXPECT_TRUE(HasField(malformed.error(), "to", "report.date_invalid"));
  const auto backwards = ParseReportPeriod("2024-01-02", "2024-01-01");
  ASSERT_FALSE(backwards);
  EXPECT_TRUE(HasField(backwards.error(), "to", "report.period_order"));
}

TEST(ReportService, AnalystsSeeTheReportAndTheViewIsAuditedWithoutARecord) {
  TempDatabase temp;
  const WorkingCalendar calendar;
  ReportService reports(temp.db(), nullptr, calendar);
  const auto report = reports.Service(As(Role::kAnalyst), *Date::Parse("2024-01-01"), *Date::Parse("2024-03-31"));
  ASSERT_TRUE(report);
  EXPECT_EQ(report->month_keys.size(), 3u);
  const auto events = ReportEvents(temp.db());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "view");
  EXPECT_EQ(events[0].outcome, "ok");
  EXPECT_EQ(events[0].record_id, 0);
  EXPECT_EQ(events[0].family_id, 0);
}

TEST(ReportService, CaseworkersAreRefusedAndTheRefusalIsAudited) {
  TempDatabase temp;
  const WorkingCalendar calendar;
  ReportService reports(temp.db(), nullptr, calendar);
  const auto report =
      reports.Service(As(Role::kInterventionWorker), *Date::Parse("2024-01-01"), *Date::Parse("2024-03-31"));
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kForbidden);
  const auto events = ReportEvents(temp.db());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].outcome, "denied");
}

TEST(ReportService, RefusesAPeriodThatEndsBeforeItStarts) {
  TempDatabase temp;
  const WorkingCalendar calendar;
  ReportService reports(temp.db(), nullptr, calendar);
  const auto report = reports.Service(As(Role::kManager), *Date::Parse("2024-02-01"), *Date::Parse("2024-01-31"));
  ASSERT_FALSE(report);
  EXPECT_TRUE(HasField(report.error(), "to", "report.period_order"));
}

}  // namespace
}  // namespace hearth
