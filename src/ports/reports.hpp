// Port: what the service report (METRICS.md) is computed from. The implementation may load the whole history;
// it may narrow by period only where that cannot change a figure.
#pragma once
#include <map>
#include <string>

#include "common/date.hpp"
#include "domain/service_history.hpp"

namespace hearth {

// What the dashboard shows for the ids in the report: team and service names by interchange id.
struct ReportNames {
  std::map<std::string, std::string> teams;
  std::map<std::string, std::string> services;
};

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // The records the report needs, with teams and services named by their interchange (external) ids. Only final
  // rows of the recorded instruments are included (drafts and superseded results are not reported).
  virtual ServiceHistory LoadServiceHistory(Date from, Date to) = 0;
  virtual ReportNames LoadNames() = 0;
};

}  // namespace hearth
