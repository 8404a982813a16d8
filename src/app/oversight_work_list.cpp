// My work's lists of issue 4: the manager's overdue management oversight and the auditor's audits due. The rules
// are domain/oversight_due; this reads the facts and orders the rows.
#include <algorithm>

#include "app/work_list.hpp"
#include "domain/oversight_due.hpp"

namespace hearth {

std::vector<OversightRow> OverdueOversight(UnitOfWork& uow, const std::vector<RecordId>& user_ids, const Date& today,
                                          const std::map<RecordId, User>& team) {
  std::vector<OversightRow> out;
  for (const auto& f : uow.Outcomes().ListOversightFacts(user_ids)) {
    if (!OversightOverdue(f.opened_on, f.last_oversight_on, today)) continue;
    OversightRow row{f.episode_id, f.family_id, "", f.last_oversight_on, OversightDueOn(f.opened_on, f.last_oversight_on), ""};
    for (RecordId id : f.worker_ids)
      if (auto it = team.find(id); it != team.end())
        row.workers += (row.workers.empty() ? "" : ", ") + it->second.username;
    out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.due_on < b.due_on; });
  return out;
}

std::vector<AuditRow> AuditsDue(UnitOfWork& uow, const Date& today) {
  std::vector<AuditRow> out;
  // Listed from kAuditNoticeDays before the due date: plans agreed on or before that many days less than 42 ago.
  const Date agreed_by = today.AddDays(kAuditNoticeDays - kAuditAfterPlanDays);
  for (const auto& f : uow.Outcomes().ListAuditsDue(agreed_by)) {
    if (!AuditListed(f.plan_agreed_on, today)) continue;
    out.push_back({f.episode_id, f.family_id, "", f.plan_agreed_on, AuditDueOn(f.plan_agreed_on),
                   AuditOverdue(f.plan_agreed_on, today)});
  }
  return out;  // the store orders them by plan date: the longest overdue first
}

}  // namespace hearth
