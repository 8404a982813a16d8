// When management oversight and quality assurance audits are due on an episode (issue 4, seed 004): a manager
// records oversight on every open family at least every four weeks, and an auditor audits the file about six
// weeks after the plan was agreed. Calendar days, as the seed counts them.
#pragma once
#include <optional>

#include "common/date.hpp"

namespace hearth {

inline constexpr int kOversightIntervalDays = 28;
inline constexpr int kAuditAfterPlanDays = 42;
// An audit shows on the auditor's list from this many days before it is due.
inline constexpr int kAuditNoticeDays = 14;

// Oversight is due 28 days after the later of the episode's opening and its latest final oversight record; it is
// overdue from the day after.
Date OversightDueOn(const Date& opened_on, const std::optional<Date>& last_oversight_on);
bool OversightOverdue(const Date& opened_on, const std::optional<Date>& last_oversight_on, const Date& today);

Date AuditDueOn(const Date& plan_agreed_on);
// On the auditor's list: due within kAuditNoticeDays, or past due.
bool AuditListed(const Date& plan_agreed_on, const Date& today);
bool AuditOverdue(const Date& plan_agreed_on, const Date& today);

}  // namespace hearth
