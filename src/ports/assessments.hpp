// Port: Resilience Assessment results (domain/instrument_result.hpp), stored with their answers and domain totals.
#pragma once
#include <optional>
#include <vector>

#include "domain/instrument_result.hpp"

namespace hearth {

class AssessmentRepository {
 public:
  virtual ~AssessmentRepository() = default;
  // Stores a new result (version 1) and returns its id.
  virtual RecordId Insert(const AssessmentResult& result) = 0;
  virtual std::optional<AssessmentResult> FindById(RecordId id) = 0;
  // Writes answers, totals, status and supersession; false when the stored version is not result.version. Bumps it.
  virtual bool Update(const AssessmentResult& result) = 0;
  // Every result of an episode, by date then id.
  virtual std::vector<AssessmentResult> ListForEpisode(RecordId episode_id) = 0;
};

}  // namespace hearth
