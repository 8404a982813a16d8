#include "common/date.hpp"

#include <cstdio>
#include <ctime>

namespace hearth {
namespace {
bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
  if (!AllDigits(ys) || !AllDigits(ms) || !AllDigits(ds)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(ToInt(ys)), std::chrono::month(unsigned(ToInt(ms))),
                                  std::chrono::day(unsigned(ToInt(ds)))};
  if (!ymd.ok()) return std::nullopt;
  if (int(ymd.year()) < 1900 || int(ymd.year()) > 2100) return std::nullopt;
  return Date(ymd);
}

Date Date::TodayUtc() {
  return FromDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", Year(), Month(), Day());
  return buf;
}

int Date::AgeOn(const Date& on) const {
  int age = on.Year() - Year();
  if (on.Month() < Month() || (on.Month() == Month() && on.Day() < Day())) --age;
  return age;
}

std::string UtcTimestampNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

long long UnixSecondsNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace hearth
