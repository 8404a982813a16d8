#include "app/work_list.hpp"

#include <algorithm>
#include <map>

#include "app/audit_log.hpp"
#include "app/staff.hpp"

namespace hearth {

std::vector<DueItem> WorkListService::DueFor(const Episode& episode, const DueFacts& facts, const Date& today) const {
  return DueItems(episode, facts, config_.timescales, calendar_, today);
}

bool WorkListService::CompletesAudits(Role role) const {
  return std::find(audit_roles_.begin(), audit_roles_.end(), role) != audit_roles_.end();
}

Result<WorkList> WorkListService::MyWork(const Principal& who, const Date& today, int page, int page_size) {
  const bool auditor = CompletesAudits(who.role);
  if (!who.Can(Capability::kWorkOnCases) && !who.Can(Capability::kAllocateCases) && !auditor) {
    AuditSeparately(db_, sink_, who, "view", {"work_list", 0, 0}, "denied");
    return Error::Forbidden("work list");
  }
  WorkList list;
  list.team_view = who.role == Role::kManager && who.team_id != 0;
  list.audit_view = auditor;
  std::vector<RecordId> user_ids{who.user_id};
  std::map<RecordId, User> team;
  {
    auto uow = db_.BeginRead();
    if (list.team_view) {
      user_ids.clear();
      const auto in_team = [&](const User& member) { return member.team_id == who.team_id && member.id != who.user_id; };
      for (auto& u : EnabledStaff(uow->Users(), in_team)) team.emplace(u.id, std::move(u));
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
    if (list.team_view) {
      std::map<RecordId, int> counts;
      for (const auto& row : list.rows)
        for (RecordId id : row.item.worker_ids) ++counts[id];
      for (const auto& [id, u] : team) list.caseloads.push_back({u.username, u.role, counts[id]});
    }
    if (list.team_view) {
      list.oversight = OverdueOversight(*uow, user_ids, today, team);
      list.oversight_total = static_cast<int>(list.oversight.size());
      if (list.oversight.size() > kOutcomeListRows) list.oversight.resize(kOutcomeListRows);
    }
    if (list.audit_view) {
      list.audits = AuditsDue(*uow, today);
      list.audits_total = static_cast<int>(list.audits.size());
      list.audits_overdue = static_cast<int>(std::count_if(list.audits.begin(), list.audits.end(),
                                                           [](const AuditRow& a) { return a.overdue; }));
      if (list.audits.size() > kOutcomeListRows) list.audits.resize(kOutcomeListRows);
    }
    // Keep the page asked for; only its rows need the households' names and their workers' names.
    list.total = static_cast<int>(list.rows.size());
    list.page_size = std::max(1, page_size);
    list.page = std::clamp(page, 1, std::max(1, (list.total + list.page_size - 1) / list.page_size));
    const auto first = list.rows.begin() + std::min(list.total, (list.page - 1) * list.page_size);
    const auto last = list.rows.begin() + std::min(list.total, list.page * list.page_size);
    list.rows = std::vector<WorkRow>(std::make_move_iterator(first), std::make_move_iterator(last));
    std::vector<RecordId> family_ids;
    for (const auto& row : list.rows) family_ids.push_back(row.item.episode.family_id);
    for (const auto& row : list.oversight) family_ids.push_back(row.family_id);
    for (const auto& row : list.audits) family_ids.push_back(row.family_id);
    const auto labels = uow->Episodes().FamilyLabels(family_ids);
    for (auto& row : list.oversight)
      if (auto it = labels.find(row.family_id); it != labels.end()) row.family_label = it->second;
    for (auto& row : list.audits)
      if (auto it = labels.find(row.family_id); it != labels.end()) row.family_label = it->second;
    for (auto& row : list.rows) {
      if (auto it = labels.find(row.item.episode.family_id); it != labels.end()) row.item.family_label = it->second;
      for (RecordId id : row.item.worker_ids)
        if (team.contains(id)) row.workers += (row.workers.empty() ? "" : ", ") + team.at(id).username;
    }
  }
  AuditSeparately(db_, sink_, who, "view", {"work_list", 0, 0}, "ok");
  return list;
}

}  // namespace hearth
