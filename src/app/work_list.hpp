// "My work": each worker's open families with what is due, due soon and overdue, oldest referral first; for a
// manager the same for everyone in their team, with caseload counts per worker.
#pragma once
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

struct WorkList {
  bool team_view = false;  // a manager's list of their team's work
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

 private:
  Database& db_;
  AuditSink* sink_;
  TimescaleConfig config_;
  WorkingCalendar calendar_;
};

}  // namespace hearth
