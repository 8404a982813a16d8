#include "app/timescale_config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/error.hpp"

namespace hearth {
namespace {

// A complete, valid configuration; its line numbers are those the error tests expect.
constexpr const char* kValid =
    "extra_holidays = []\n"                 // 1
    "[assessment]\n"                        // 2
    "from = \"received_on\"\n"              // 3
    "amount = 10\n"                         // 4
    "unit = \"working_days\"\n"             // 5
    "[plan]\n"                              // 6
    "from = \"received_on\"\n"              // 7
    "amount = 15\n"                         // 8
    "unit = \"working_days\"\n"             // 9
    "[review]\n"                            // 10
    "from = \"intervention_started_on\"\n"  // 11
    "amount = 42\n"                         // 12
    "unit = \"calendar_days\"\n"            // 13
    "[intervention]\n"                      // 14
    "from = \"intervention_started_on\"\n"  // 15
    "amount = 84\n"                         // 16
    "unit = \"calendar_days\"\n"            // 17
    "[taf_meeting_earliest]\n"              // 18
    "from = \"taf_meeting_on\"\n"           // 19
    "amount = 42\n"                         // 20
    "unit = \"calendar_days\"\n"            // 21
    "[taf_meeting_latest]\n"                // 22
    "from = \"taf_meeting_on\"\n"           // 23
    "amount = 56\n"                         // 24
    "unit = \"calendar_days\"\n";           // 25

// `text` with the first occurrence of `from` (which must be there) replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "not in the text: " << from;
    return text;
  }
  return text.replace(at, from.size(), to);
}

std::string Edited(const std::string& from, const std::string& to) { return Replaced(kValid, from, to); }

// The message of the FatalError the text raises, or "" when it loads.
std::string ErrorOf(const std::string& text) {
  try {
    ParseTimescaleConfig(text, "timescales.toml");
  } catch (const FatalError& e) {
    return e.what();
  }
  return "";
}

void ExpectTimescale(const Timescale& t, const char* name, const char* from, int amount, Timescale::Unit unit) {
  EXPECT_EQ(t.name, name);
  EXPECT_EQ(t.from, from) << name;
  EXPECT_EQ(t.amount, amount) << name;
  EXPECT_EQ(t.unit, unit) << name;
}

TEST(TimescaleConfig, ShippedFileHoldsTheDefaultsOfIssue3) {
  const TimescaleConfig config =
      LoadTimescaleConfig(std::filesystem::path(HEARTH_SOURCE_ROOT) / "config/timescales.toml");
  const auto& t = config.timescales;
  ExpectTimescale(t.assessment, "assessment", "received_on", 10, Timescale::Unit::kWorkingDays);
  ExpectTimescale(t.plan, "plan", "received_on", 15, Timescale::Unit::kWorkingDays);
  ExpectTimescale(t.review, "review", "intervention_started_on", 42, Timescale::Unit::kCalendarDays);
  ExpectTimescale(t.intervention, "intervention", "intervention_started_on", 84, Timescale::Unit::kCalendarDays);
  ExpectTimescale(t.taf_meeting_earliest, "taf_meeting_earliest", "taf_meeting_on", 42, Timescale::Unit::kCalendarDays);
  ExpectTimescale(t.taf_meeting_latest, "taf_meeting_latest", "taf_meeting_on", 56, Timescale::Unit::kCalendarDays);
  EXPECT_TRUE(config.extra_holidays.empty());
}

TEST(TimescaleConfig, ReadsExtraHolidaysAndOtherTargets) {
  std::string text = Edited("extra_holidays = []", "extra_holidays = [\"2027-12-24\", \"2026-12-31\"]");
  text = Replaced(text, "amount = 10", "amount = 12");
  const TimescaleConfig config = ParseTimescaleConfig(text, "timescales.toml");
  ASSERT_EQ(config.extra_holidays.size(), 2u);
  EXPECT_EQ(config.extra_holidays[0].ToString(), "2027-12-24");
  EXPECT_EQ(config.extra_holidays[1].ToString(), "2026-12-31");
  EXPECT_EQ(config.timescales.assessment.amount, 12);
}

TEST(TimescaleConfig, ExtraHolidaysMayBeLeftOut) {
  const TimescaleConfig config = ParseTimescaleConfig(Edited("extra_holidays = []\n", ""), "timescales.toml");
  EXPECT_TRUE(config.extra_holidays.empty());
  EXPECT_EQ(config.timescales.plan.amount, 15);
}

TEST(TimescaleConfig, RefusesAnUnknownUnit) {
  EXPECT_EQ(ErrorOf(Edited("unit = \"calendar_days\"", "unit = \"weeks\"")),
            "timescales.toml:13: review.unit: unknown unit 'weeks' (expected working_days or calendar_days)");
  EXPECT_EQ(ErrorOf(Edited("unit = \"calendar_days\"", "unit = 6")),
            "timescales.toml:13: review.unit: must be a string (expected working_days or calendar_days)");
}

TEST(TimescaleConfig, RefusesANegativeZeroOrFractionalAmount) {
  EXPECT_EQ(ErrorOf(Edited("amount = 42", "amount = -42")), "timescales.toml:12: review.amount: must not be negative");
  EXPECT_EQ(ErrorOf(Edited("amount = 10", "amount = 0")),
            "timescales.toml:4: assessment.amount: must be from 1 to 3660 days");
  EXPECT_EQ(ErrorOf(Edited("amount = 84", "amount = 100000")),
            "timescales.toml:16: intervention.amount: must be from 1 to 3660 days");
  EXPECT_EQ(ErrorOf(Edited("amount = 15", "amount = 15.5")),
            "timescales.toml:8: plan.amount: must be a whole number of days");
  EXPECT_EQ(ErrorOf(Edited("amount = 15", "amount = \"15\"")),
            "timescales.toml:8: plan.amount: must be a whole number of days");
}

TEST(TimescaleConfig, RefusesABadExtraHoliday) {
  EXPECT_EQ(ErrorOf(Edited("extra_holidays = []", "extra_holidays = [\"2027-12-24\", \"2027-02-30\"]")),
            "timescales.toml:1: extra_holidays[1]: '2027-02-30' is not a date YYYY-MM-DD between 1900 and 2100");
  EXPECT_EQ(ErrorOf(Edited("extra_holidays = []", "extra_holidays = [\"24/12/2027\"]")),
            "timescales.toml:1: extra_holidays[0]: '24/12/2027' is not a date YYYY-MM-DD between 1900 and 2100");
  EXPECT_EQ(ErrorOf(Edited("extra_holidays = []", "extra_holidays = [2027-12-24]")),
            "timescales.toml:1: extra_holidays[0]: must be a date written as a string, \"YYYY-MM-DD\"");
  EXPECT_EQ(ErrorOf(Edited("extra_holidays = []", "extra_holidays = \"2027-12-24\"")),
            "timescales.toml:1: extra_holidays: must be a list of dates, e.g. [\"2023-05-08\"]");
}

TEST(TimescaleConfig, RefusesUnknownKeys) {
  EXPECT_EQ(ErrorOf(Edited("[plan]", "[plann]")),
            "timescales.toml:6: plann: unknown key (expected extra_holidays, assessment, plan, review, intervention, "
            "taf_meeting_earliest, taf_meeting_latest)");
  EXPECT_EQ(ErrorOf(Edited("amount = 56\n", "amount = 56\nweeks = 8\n")),
            "timescales.toml:25: taf_meeting_latest.weeks: unknown key (expected from, amount or unit)");
  EXPECT_EQ(ErrorOf(std::string("holidays = []\n") + kValid),
            "timescales.toml:1: holidays: unknown key (expected extra_holidays, assessment, plan, review, "
            "intervention, taf_meeting_earliest, taf_meeting_latest)");
}

TEST(TimescaleConfig, RefusesAnUnknownStageDate) {
  EXPECT_EQ(ErrorOf(Edited("from = \"received_on\"", "from = \"referral_date\"")),
            "timescales.toml:3: assessment.from: unknown stage date 'referral_date' (expected one of received_on, "
            "opened_on, allocated_assessment_on, assessment_completed_on, brokerage_started_on, plan_completed_on, "
            "panel_on, intervention_started_on, review_started_on, closed_on, taf_meeting_on)");
}

TEST(TimescaleConfig, RefusesAMissingTimescaleOrSetting) {
  EXPECT_EQ(ErrorOf(Edited(
                "[intervention]\nfrom = \"intervention_started_on\"\namount = 84\nunit = \"calendar_days\"\n", "")),
            "timescales.toml: intervention: missing: every timescale must be configured (assessment, plan, review, "
            "intervention, taf_meeting_earliest, taf_meeting_latest)");
  EXPECT_EQ(ErrorOf(Edited("unit = \"working_days\"\n[plan]", "[plan]")),
            "timescales.toml:2: assessment.unit: missing: working_days or calendar_days");
  EXPECT_EQ(ErrorOf(Edited("amount = 42\n", "")), "timescales.toml:10: review.amount: missing: the number of days");
  EXPECT_EQ(ErrorOf(Edited("from = \"taf_meeting_on\"\n", "")),
            "timescales.toml:18: taf_meeting_earliest.from: missing: the stage date it counts from");
}

TEST(TimescaleConfig, RefusesATafRangeTheWrongWayRound) {
  EXPECT_EQ(ErrorOf(Edited("amount = 56", "amount = 35")),
            "timescales.toml:18: taf_meeting_earliest.amount: must not be more than taf_meeting_latest.amount");
}

TEST(TimescaleConfig, RefusesTomlSyntaxErrorsWithTheirLine) {
  const std::string message = ErrorOf(Edited("amount = 84", "amount = = 84"));
  EXPECT_EQ(message.rfind("timescales.toml:16: ", 0), 0u) << message;
}

TEST(TimescaleConfig, LoadNamesTheFileItRead) {
  const auto dir = std::filesystem::temp_directory_path() / ("hearth_timescales_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "timescales.toml";
  std::ofstream(file) << Edited("unit = \"calendar_days\"", "unit = \"fortnights\"");
  try {
    LoadTimescaleConfig(file);
    ADD_FAILURE() << "a bad unit was accepted";
  } catch (const FatalError& e) {
    EXPECT_EQ(std::string(e.what()), file.string() +
                                         ":13: review.unit: unknown unit 'fortnights' (expected working_days or "
                                         "calendar_days)");
  }
  std::filesystem::remove_all(dir);
  try {
    LoadTimescaleConfig(file);
    ADD_FAILURE() << "a missing file was accepted";
  } catch (const FatalError& e) {
    EXPECT_EQ(std::string(e.what()), file.string() + ": cannot read the timescale configuration");
  }
}

}  // namespace
}  // namespace hearth
