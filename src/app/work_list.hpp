// "My work": each worker's open families with what is due, due soon and overdue, oldest referral first; for a
// manager the same for everyone in their team, with caseload counts per worker.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "app/timescale_config.hpp"
#include "common/error.hpp"
#include "domain/work_due.hpp"
#include "ports/database.hpp"

namespace hearth {

struct WorkRow {
  WorkItem item;
  std::vector<DueItem> due;  // most urgent first
  std::string workers;       // who holds it (manager's view)
  bool overdue = false;
};

struct Caseload {
  std::string username;
  Role role = Role::kEaOfficer;
  int open_episodes = 0;
};

// A family in the manager's team whose management oversight is overdue (domain/oversight_due.hpp).
struct OversightRow {
  RecordId episode_id = 0;
  RecordId family_id = 0;
  std::string family_label;
  std::optional<Date> last_oversight_on;  // none: no final oversight since the episode opened
  Date due_on;
  std::string workers;
};

// An episode whose quality assurance audit is due within kAuditNoticeDays, or overdue.
struct AuditRow {
  RecordId episode_id = 0;
  RecordId family_id = 0;
  std::string family_label;
  Date plan_agreed_on;
  Date due_on;
  bool overdue = false;
};

// The oversight and audit lists show at most this many rows (most overdue first); their totals count them all.
inline constexpr int kOutcomeListRows = 50;

struct WorkList {
  bool team_view = false;  // a manager's list of their team's work
  bool audit_view = false;  // the caller completes quality assurance audits
  std::vector<OversightRow> oversight;  // team view: overdue oversight, longest overdue first
  int oversight_total = 0;
  std::vector<AuditRow> audits;  // audit view: audits due or overdue, longest overdue first
  int audits_total = 0;
  int audits_overdue = 0;
  std::vector<WorkRow> rows;  // the page asked for, oldest referral first
  int total = 0;              // rows on every page
  int page = 1;
  int page_size = 25;
  std::vector<Caseload> caseloads;  // team view only
  int overdue = 0;
  int due_soon = 0;
};

class WorkListService {
 public:
  WorkListService(Database& db, AuditSink* sink, TimescaleConfig config)
      : db_(db), sink_(sink), config_(std::move(config)), calendar_(config_.extra_holidays) {}

  // Counts and caseloads cover all the caller's (or team's) families; `rows` holds page `page` (from 1) of them.
  Result<WorkList> MyWork(const Principal& who, const Date& today, int page = 1, int page_size = 25);
  // The due items of one episode, for marking overdue work on its page.
  std::vector<DueItem> DueFor(const Episode& episode, const DueFacts& facts, const Date& today) const;
  const WorkingCalendar& Calendar() const { return calendar_; }
  const Timescales& Targets() const { return config_.timescales; }
  // The roles that complete quality assurance audits (config/instruments/quality_audit.*.toml `completed_by`);
  // they see the audits due on My work. Auditors until told otherwise.
  void SetAuditRoles(std::vector<Role> roles) { audit_roles_ = std::move(roles); }
  bool CompletesAudits(Role role) const;

 private:
  Database& db_;
  AuditSink* sink_;
  TimescaleConfig config_;
  WorkingCalendar calendar_;
  std::vector<Role> audit_roles_{Role::kAuditor};
};

// The two lists of issue 4 (oversight_work_list.cpp), read inside MyWork's unit of work; family labels and workers'
// names are filled by the caller.
std::vector<OversightRow> OverdueOversight(UnitOfWork& uow, const std::vector<RecordId>& user_ids, const Date& today,
                                          const std::map<RecordId, User>& team);
std::vector<AuditRow> AuditsDue(UnitOfWork& uow, const Date& today);

}  // namespace hearth
