// Port: what the service report (METRICS.md) is computed from. The implementation may load the whole history;
// it may narrow by period only where that cannot change a figure.
#pragma once
#include "common/date.hpp"
#include "domain/service_history.hpp"

namespace hearth {

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // The records the report needs, with teams and services named by their interchange (external) ids. Only final
  // rows of the recorded instruments are included (drafts and superseded results are not reported).
  virtual ServiceHistory LoadServiceHistory(Date from, Date to) = 0;
};

}  // namespace hearth
