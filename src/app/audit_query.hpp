// "Who accessed this family?" for administrators and auditors.
#pragma once
#include <vector>

#include "app/principal.hpp"
#include "common/error.hpp"
#include "app/audit_sink.hpp"
#include "ports/database.hpp"

namespace hearth {

struct AuditPage {
  std::vector<AuditEvent> events;
  int total = 0;
  int page = 1;
  int page_size = 50;
};

class AuditQuery {
 public:
  // Without a sink, view and refusal audit rows are committed one by one (command line, tests).
  explicit AuditQuery(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}
  // Events about `family_id` (its own and its members' and referrals'), newest first. Looking is itself audited.
  Result<AuditPage> ForFamily(const Principal& who, RecordId family_id, int page, int page_size = 50);
  Result<AuditPage> Recent(const Principal& who, int page, int page_size = 50);

 private:
  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
