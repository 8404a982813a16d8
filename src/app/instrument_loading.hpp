// What the instrument use cases (instrument_service.cpp, audit_acknowledgement.cpp) share: loading a result with
// its episode and definition under the access rules, and viewing it scored.
#pragma once
#include <optional>
#include <string_view>

#include "app/episode_access.hpp"
#include "app/instrument_service.hpp"

namespace hearth {

struct LoadedResult {
  InstrumentResult result;
  Episode episode;
  const Instrument* definition = nullptr;
};

// Results keep the version they were made with; a version missing from config/instruments is a broken deployment.
const Instrument& DefinitionOf(const InstrumentRegistry& registry, const InstrumentResult& result);

AssessmentView ViewOf(const InstrumentRegistry& registry, InstrumentResult result);

// The result, its episode and its definition, if the caller may see it (else not found: partners see no drafts) and,
// with kAct, complete this instrument on this episode (else forbidden). Refusals are noted for WithRefusalAudit.
Result<LoadedResult> LoadResult(UnitOfWork& uow, const InstrumentRegistry& registry, const Principal& who,
                                const ResultKey& key, EpisodeNeed need, std::string_view action,
                                std::optional<Refusal>& refusal);

// Whether the caller may complete this form on this episode: the definition names their role and they may act on
// the episode (casework's rule), or they are an auditor, who audits any file.
bool MayComplete(UnitOfWork& uow, const Principal& who, const Episode& episode, const Instrument& definition);

// Partner agencies see a family's results once they are final; drafts are the worker's own until then.
bool MaySeeResult(const Principal& who, const InstrumentResult& result);

}  // namespace hearth
