// The practitioner directory (domain/practitioner.hpp): managed like the services directory (kManageDirectory:
// list, add, change with a version check), and read by anyone recording casework to choose a TAF meeting's lead
// professional.
#pragma once
#include <vector>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "ports/database.hpp"

namespace hearth {

struct PractitionerPage {
  std::vector<Practitioner> items;
  int total = 0;
  int page = 1;
  int page_size = 50;
};

class PractitionerService {
 public:
  explicit PractitionerService(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}

  Result<PractitionerPage> List(const Principal& who, int page, int page_size = 50);
  // Everyone in the directory, by name: the choices for a lead professional.
  Result<std::vector<Practitioner>> Choices(const Principal& who);
  Result<RecordId> Add(const Principal& who, const Input& in);
  Result<Practitioner> Get(const Principal& who, RecordId id);
  // Refused as stale unless `version` is the stored one.
  Result<Practitioner> Update(const Principal& who, RecordId id, const Input& in, int version);

 private:
  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
