#include "domain/oversight_due.hpp"

#include <algorithm>

namespace hearth {

Date OversightDueOn(const Date& opened_on, const std::optional<Date>& last_oversight_on) {
  const Date from = last_oversight_on ? std::max(opened_on, *last_oversight_on) : opened_on;
  return from.AddDays(kOversightIntervalDays);
}

bool OversightOverdue(const Date& opened_on, const std::optional<Date>& last_oversight_on, const Date& today) {
  return today > OversightDueOn(opened_on, last_oversight_on);
}

Date AuditDueOn(const Date& plan_agreed_on) { return plan_agreed_on.AddDays(kAuditAfterPlanDays); }

bool AuditListed(const Date& plan_agreed_on, const Date& today) {
  return today >= AuditDueOn(plan_agreed_on).AddDays(-kAuditNoticeDays);
}

bool AuditOverdue(const Date& plan_agreed_on, const Date& today) { return today > AuditDueOn(plan_agreed_on); }

}  // namespace hearth
