#include "app/work_list.hpp"

#include <map>

#include "app/audit_log.hpp"

namespace hearth {

std::vector<DueItem> WorkListService::DueFor(const Episode& episode, const DueFacts& facts, const Date& today) const {
  return DueItems(episode, facts, config_.timescales, calendar_, today);
}

Result<WorkList> WorkListService::MyWork(const Principal& who, const Date& today) {
  if (!who.Can(Capability::kWorkOnCases) && !who.Can(Capability::kAllocateCases)) {
    AuditSeparately(db_, sink_, who, "view", {"work_list", 0, 0}, "denied");
    return Error::Forbidden("work list");
  }
  WorkList list;
  list.team_view = who.role == Role::kManager && who.team_id != 0;
  std::vector<RecordId> user_ids{who.user_id};
  std::map<RecordId, User> team;
  {
    auto uow = db_.BeginRead();
    if (list.team_view) {
      user_ids.clear();
      for (int offset = 0;; offset += 500) {
        auto page = uow->Users().List(offset, 500);
        for (auto& u : page)
          if (u.team_id == who.team_id && !u.disabled && u.id != who.user_id) team.emplace(u.id, std::move(u));
        if (page.size() < 500) break;
      }
      for (const auto& [id, u] : team) user_ids.push_back(id);
    }
    if (!user_ids.empty()) {
      for (auto& item : uow->Episodes().ListWork(user_ids)) {
        WorkRow row;
        row.due = DueFor(item.episode, {item.referral_received_on, item.last_taf_on, item.next_taf_on}, today);
        for (const auto& d : row.due) {
          row.overdue = row.overdue || d.status == DueStatus::kOverdue;
          if (d.status == DueStatus::kOverdue) ++list.overdue;
          if (d.status == DueStatus::kDueSoon) ++list.due_soon;
        }
        row.item = std::move(item);
        list.rows.push_back(std::move(row));
      }
    }
  }
  if (list.team_view) {
    std::map<RecordId, int> counts;
    for (const auto& row : list.rows)
      for (RecordId id : row.item.worker_ids) ++counts[id];
    for (const auto& [id, u] : team) list.caseloads.push_back({u.username, u.role, counts[id]});
    for (auto& row : list.rows)
      for (RecordId id : row.item.worker_ids)
        if (team.contains(id)) row.workers += (row.workers.empty() ? "" : ", ") + team.at(id).username;
  }
  AuditSeparately(db_, sink_, who, "view", {"work_list", 0, 0}, "ok");
  return list;
}

}  // namespace hearth
