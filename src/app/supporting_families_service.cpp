#include "app/supporting_families_service.hpp"

#include <algorithm>

#include "app/audit_log.hpp"

namespace hearth {
namespace {
constexpr std::string_view kRecordType = "supporting_families";

bool MayViewClaims(const Principal& who) {
  return who.Can(Capability::kViewReports) && FamilyScopeFor(who.role) == FamilyScope::kAll;
}

void Label(UnitOfWork& uow, std::vector<ClaimRow>& rows) {
  std::vector<RecordId> family_ids;
  for (const auto& r : rows) family_ids.push_back(r.facts.family_id);
  const auto labels = uow.Episodes().FamilyLabels(family_ids);
  for (auto& r : rows)
    if (auto it = labels.find(r.facts.family_id); it != labels.end()) r.family_label = it->second;
}
}  // namespace

Result<std::vector<ClaimRow>> SupportingFamiliesService::Decide(const Principal& who, const ReportPeriod& period,
                                                                const Date& today, std::string_view action) {
  if (!MayViewClaims(who)) {
    AuditSeparately(db_, sink_, who, action, {kRecordType, 0, 0}, "denied");
    return Error::Forbidden("supporting families claims");
  }
  if (period.from > period.to) return Error::Validation({{"to", "report.period_order"}}, "claim period order");
  std::vector<ClaimRow> rows;
  auto uow = db_.BeginRead();
  for (auto& facts : uow->Outcomes().ListClaimFacts(period.from, period.to))
    rows.push_back({facts, DecideClaim(facts, today), ""});
  // Meets, then will meet, then cannot; each in closure order (the store's), as stable_sort keeps it.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.decision.status < b.decision.status; });
  return rows;
}

Result<ClaimList> SupportingFamiliesService::List(const Principal& who, const ReportPeriod& period, ClaimStatus shown,
                                                  int page, int page_size, const Date& today) {
  auto all = Decide(who, period, today, "view");
  if (!all) return all.error();
  ClaimList list;
  list.period = period;
  list.shown = shown;
  list.page_size = std::clamp(page_size, 1, 200);
  std::vector<ClaimRow> in_list;
  for (auto& row : *all) {
    ++list.totals[static_cast<std::size_t>(row.decision.status)];
    if (row.decision.status == shown) in_list.push_back(std::move(row));
  }
  const int total = static_cast<int>(in_list.size());
  list.page = std::clamp(page, 1, std::max(1, (total + list.page_size - 1) / list.page_size));
  const auto first = in_list.begin() + std::min(total, (list.page - 1) * list.page_size);
  const auto last = in_list.begin() + std::min(total, list.page * list.page_size);
  list.rows.assign(std::make_move_iterator(first), std::make_move_iterator(last));
  {
    auto uow = db_.BeginRead();
    Label(*uow, list.rows);
  }
  AuditSeparately(db_, sink_, who, "view", {kRecordType, 0, 0}, "ok");
  return list;
}

Result<std::vector<ClaimRow>> SupportingFamiliesService::Export(const Principal& who, const ReportPeriod& period,
                                                                const Date& today) {
  auto all = Decide(who, period, today, "export");
  if (!all) return all.error();
  {
    auto uow = db_.BeginRead();
    Label(*uow, *all);
  }
  AuditSeparately(db_, sink_, who, "export", {kRecordType, 0, 0}, "ok");
  return all;
}

}  // namespace hearth
