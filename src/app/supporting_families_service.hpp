// The Supporting Families claim list (issue 4; docs/supporting_families.md): the episodes closed in a period,
// sorted into three lists by domain/supporting_families: those that meet the claim conditions, those that will
// when six months have passed, and those that cannot (with the reason). For service leads: kViewReports, and,
// because the list names families, a role that sees every family (analysts work with aggregates only).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "app/report_service.hpp"
#include "common/error.hpp"
#include "domain/supporting_families.hpp"
#include "ports/database.hpp"

namespace hearth {

struct ClaimRow {
  ClaimFacts facts;
  ClaimDecision decision;
  std::string family_label;  // filled for the rows returned
};

struct ClaimList {
  ReportPeriod period;
  ClaimStatus shown = ClaimStatus::kMeets;  // the list whose page `rows` is
  std::vector<ClaimRow> rows;
  std::array<int, 3> totals{};  // rows in each list, by ClaimStatus
  int page = 1;
  int page_size = 25;
};

class SupportingFamiliesService {
 public:
  SupportingFamiliesService(Database& db, AuditSink* sink) : db_(db), sink_(sink) {}

  // Page `page` (from 1) of the `shown` list for episodes closed in `period`, as of `today`. Audited as a view.
  Result<ClaimList> List(const Principal& who, const ReportPeriod& period, ClaimStatus shown, int page, int page_size,
                         const Date& today);
  // Every row of the three lists (meets, will meet, cannot, each in closure order), for the CSV. Audited as an
  // export.
  Result<std::vector<ClaimRow>> Export(const Principal& who, const ReportPeriod& period, const Date& today);

 private:
  Result<std::vector<ClaimRow>> Decide(const Principal& who, const ReportPeriod& period, const Date& today,
                                       std::string_view action);
  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
