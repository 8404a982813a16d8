// Loading an episode for a use case, with the access checks every journey step shares: the family must be
// visible to the caller (else 404, as if it did not exist) and, to change anything, the caller must be allowed to
// act on this episode (else 403). A refusal is noted for WithRefusalAudit to record.
#pragma once
#include <optional>
#include <string_view>

#include "app/audit_log.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "ports/database.hpp"

namespace hearth {

enum class EpisodeNeed {
  kView,      // read the episode's file
  kAct,       // record casework (MayActOnEpisode)
  kAllocate,  // allocation and panel decisions (Capability::kAllocateCases)
};

Result<Episode> LoadEpisode(UnitOfWork& uow, const Principal& who, RecordId episode_id, EpisodeNeed need,
                            std::string_view action, std::optional<Refusal>& refusal);

// Whether the caller may act on the episode, open or closed (a step on a closed one is then refused as out of order,
// 409, rather than as forbidden).
bool MayAct(UnitOfWork& uow, const Principal& who, const Episode& episode);

// Stale unless the caller edited the version that is stored.
inline std::optional<Error> StaleUnless(int expected_version, int stored_version) {
  if (expected_version == stored_version) return std::nullopt;
  return Error::Stale("episode edited from an out-of-date copy");
}

}  // namespace hearth
