// Port: results of every instrument that Hearth can store (the Resilience Assessments, the ACE checklist, the
// feedback forms, management oversight and quality audits). Ids are per instrument: each lives in its own table.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "domain/instrument_result.hpp"

namespace hearth {

class InstrumentResultRepository {
 public:
  virtual ~InstrumentResultRepository() = default;
  // Whether results of this instrument id have somewhere to be kept (a council's own new form has not, yet).
  virtual bool Stores(std::string_view instrument) const = 0;
  // Stores a new result (version 1) and returns its id.
  virtual RecordId Insert(const InstrumentResult& result) = 0;
  virtual std::optional<InstrumentResult> Find(std::string_view instrument, RecordId id) = 0;
  // Writes everything but the episode, person and instrument; false when the stored version is not
  // result.version. Bumps it.
  virtual bool Update(const InstrumentResult& result) = 0;
  // Every result of every instrument for an episode, by date then instrument then id.
  virtual std::vector<InstrumentResult> ListForEpisode(RecordId episode_id) = 0;
  // Final quality audits sent to this user that they have not acknowledged yet.
  virtual std::vector<InstrumentResult> ListAuditsToAcknowledge(RecordId user_id) = 0;
  // The manager of a team (the lowest id, if it has more than one), to whom a worker's audits go.
  virtual std::optional<RecordId> FindTeamManager(RecordId team_id) = 0;
};

}  // namespace hearth
