#include "app/work_list.hpp"

#include <algorithm>
#include <map>

#include "app/audit_log.hpp"

namespace hearth {

std::vector<DueItem> WorkListService::DueFor(const Episode& episode, const DueFacts& facts, const Date& today) const {
  return DueItems(episode, facts, config_.timescales, calendar_, today);
}

Result<WorkList> WorkListService::MyWork(const Principal& who, const Date& today, int page, int page_size) {
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
        auto batch = uow->Users().List(offset, 500);
        for (auto& u : batch)
          if (u.team_id == who.team_id && !u.disabled && u.id != who.user_id) team.emplace(u.id, std::move(u));
        if (batch.size() < 500) break;
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
    // Only the page shown needs the households' names.
    list.total = static_cast<int>(list.rows.size());
    list.page_size = std::max(1, page_size);
    list.page = std::clamp(page, 1, std::max(1, (list.total + list.page_size - 1) / list.page_size));
    const auto first =
        std::min<std::size_t>(list.rows.size(), static_cast<std::size_t>((list.page - 1) * list.page_size));
    const auto last = std::min<std::size_t>(list.rows.size(), first + static_cast<std::size_t>(list.page_size));
    std::vector<RecordId> family_ids;
    for (std::size_t i = first; i < last; ++i) family_ids.push_back(list.rows[i].item.episode.family_id);
    const auto labels = uow->Episodes().FamilyLabels(family_ids);
    for (std::size_t i = first; i < last; ++i) {
      auto it = labels.find(list.rows[i].item.episode.family_id);
      if (it != labels.end()) list.rows[i].item.family_label = it->second;
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
  {
    const auto first = static_cast<std::size_t>((list.page - 1) * list.page_size);
    std::vector<WorkRow> shown;
    for (std::size_t i = first; i < list.rows.size() && i < first + static_cast<std::size_t>(list.page_size); ++i)
      shown.push_back(std::move(list.rows[i]));
    list.rows = std::move(shown);
  }
  AuditSeparately(db_, sink_, who, "view", {"work_list", 0, 0}, "ok");
  return list;
}

}  // namespace hearth
