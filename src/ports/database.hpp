// Port: a database. Work happens in a unit of work (one transaction) that hands out the repositories;
// nothing is written unless Commit() is called. A SQLite and, later, a PostgreSQL implementation satisfy it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "ports/assessments.hpp"
#include "ports/audit.hpp"
#include "ports/casework.hpp"
#include "ports/drafts.hpp"
#include "ports/families.hpp"
#include "ports/instrument_results.hpp"
#include "ports/interchange.hpp"
#include "ports/outcomes.hpp"
#include "ports/panel.hpp"
#include "ports/practitioners.hpp"
#include "ports/reports.hpp"
#include "ports/users.hpp"

namespace hearth {

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual UserRepository& Users() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual SignInThrottleRepository& Throttle() = 0;
  virtual FamilyRepository& Families() = 0;
  virtual PersonRepository& People() = 0;
  virtual ReferralRepository& Referrals() = 0;
  virtual EpisodeRepository& Episodes() = 0;
  virtual CaseworkRepository& Casework() = 0;
  virtual PanelMeetingRepository& PanelMeetings() = 0;
  virtual PractitionerRepository& Practitioners() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual DraftRepository& Drafts() = 0;
  virtual ReportRepository& Reports() = 0;
  virtual AssessmentRepository& Assessments() = 0;
  virtual InstrumentResultRepository& InstrumentResults() = 0;
  virtual InterchangeRepository& Interchange() = 0;
  virtual OutcomeRepository& Outcomes() = 0;
  // Makes every write durable; without it the destructor rolls back.
  virtual void Commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual std::unique_ptr<UnitOfWork> BeginRead() = 0;
  // A writer: takes the write lock at once (SQLite BEGIN IMMEDIATE), waiting up to the busy timeout.
  virtual std::unique_ptr<UnitOfWork> BeginWrite() = 0;
  // A writer for one large load whose caller resolves and checks every reference itself (the interchange import):
  // as BeginWrite, but the database does not check references row by row. Still one transaction: all or nothing.
  // With the file to itself, the SQLite implementation also writes through a rollback journal rather than the WAL
  // (pages written once); other processes cannot open the file until it ends (docs/architecture.md).
  virtual std::unique_ptr<UnitOfWork> BeginBulkWrite() = 0;
  // Appends audit rows that record access rather than change (views, searches, refusals) in one durable commit.
  // An implementation may keep them apart from the records, so that this steady stream of small writes does not
  // disturb readers of the records; AuditRepository reads return both kinds together.
  virtual void AppendAccessEvents(const std::vector<AuditEvent>& events) = 0;
  // Applies pending migrations; returns how many were applied.
  virtual int Migrate() = 0;
  virtual int SchemaVersion() = 0;
  virtual bool Healthy() = 0;
};

}  // namespace hearth
