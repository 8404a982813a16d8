// The CSV layout of the service report (docs/api.md): one row per figure, nested keys joined with '.', null as an
// empty value, free-text ids quoted when they need it.
#include "app/service_report_csv.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/service_report_json.hpp"

namespace hearth {
namespace {

TEST(ServiceReportCsv, OneRowPerFigureWithNestedKeysJoined) {
  const auto report = boost::json::parse(R"({
    "period": {"from": "2024-01-01", "months": 1},
    "plans": {"services": {"food, bank": 2}, "completed_rate": null, "average_per_officer_month": 1.5},
    "appraisals": {"requested_by_month": {"2024-01": {"health": 3}}}})").as_object();
  EXPECT_EQ(ServiceReportCsv(report),
            "section,key,subkey,value\r\n"
            "period,from,,2024-01-01\r\n"
            "period,months,,1\r\n"
            "plans,services,\"food, bank\",2\r\n"
            "plans,completed_rate,,\r\n"
            "plans,average_per_officer_month,,1.5\r\n"
            "appraisals,requested_by_month,2024-01.health,3\r\n");
}

TEST(ServiceReportCsv, EmptyReportHasEveryEnumeratedFigure) {
  const WorkingCalendar calendar;
  const auto json = ServiceReportJson(
      ComputeServiceReport({}, *Date::Parse("2024-01-01"), *Date::Parse("2024-01-31"), calendar));
  const std::string csv = ServiceReportCsv(json);
  EXPECT_NE(csv.find("open,by_stage,review,\r\n"), std::string::npos);
  EXPECT_NE(csv.find("returning_families,by_month,2024-01.cohort,0\r\n"), std::string::npos);
  EXPECT_NE(csv.find("assessment,allocated_by_week,4+,0\r\n"), std::string::npos);
  EXPECT_NE(csv.find("plans,services_count,,0\r\n"), std::string::npos);
}

}  // namespace
}  // namespace hearth
