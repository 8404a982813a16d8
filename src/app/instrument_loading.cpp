#include "app/instrument_loading.hpp"

namespace hearth {

const Instrument& DefinitionOf(const InstrumentRegistry& registry, const InstrumentResult& result) {
  const Instrument* definition = registry.Find(result.instrument, result.instrument_version);
  if (definition == nullptr)
    throw FatalError("instrument '" + result.instrument + "' version " + std::to_string(result.instrument_version) +
                     " is used by a stored result but is not in config/instruments");
  return *definition;
}

AssessmentView ViewOf(const InstrumentRegistry& registry, InstrumentResult result) {
  const Instrument& definition = DefinitionOf(registry, result);
  // Tables without a stage column (all but the Resilience Assessments') hold forms taken at one stage only.
  if (definition.stages.size() == 1) result.stage = definition.stages.front();
  auto scores = ScoreResponses(definition, result.answers);
  return AssessmentView{std::move(result), &definition, scores ? *scores : ScoreSheet{}};
}

bool MayComplete(UnitOfWork& uow, const Principal& who, const Episode& episode, const Instrument& definition) {
  if (!definition.CompletedBy(who.role)) return false;
  // Auditors audit any family's file, without working on it.
  return who.role == Role::kAuditor || MayAct(uow, who, episode);
}

bool MaySeeResult(const Principal& who, const InstrumentResult& result) {
  return who.role != Role::kPartner || result.status != ResultStatus::kDraft;
}

Result<LoadedResult> LoadResult(UnitOfWork& uow, const InstrumentRegistry& registry, const Principal& who,
                                const ResultKey& key, EpisodeNeed need, std::string_view action,
                                std::optional<Refusal>& refusal) {
  const std::string_view record_type = AuditRecordType(key.instrument);
  auto result = uow.InstrumentResults().Find(key.instrument, key.id);
  if (!result) {
    refusal = Refusal{std::string(action), {record_type, key.id, 0}, "not_found"};
    return Error::NotFound("instrument result");
  }
  std::optional<Refusal> episode_refusal;
  auto episode = LoadEpisode(uow, who, result->episode_id, EpisodeNeed::kView, action, episode_refusal);
  if (!episode) {
    const RecordId family_id = episode_refusal ? episode_refusal->target.family_id : 0;
    const bool hidden = episode.error().code == ErrorCode::kNotFound;
    refusal = Refusal{std::string(action), {record_type, key.id, family_id}, hidden ? "not_found" : "denied"};
    return episode.error();
  }
  if (!MaySeeResult(who, *result)) {
    refusal = Refusal{std::string(action), {record_type, key.id, episode->family_id}, "not_found"};
    return Error::NotFound("instrument result");
  }
  const Instrument& definition = DefinitionOf(registry, *result);
  if (need == EpisodeNeed::kAct && !MayComplete(uow, who, *episode, definition)) {
    refusal = Refusal{std::string(action), {record_type, key.id, episode->family_id}, "denied"};
    return Error::Forbidden("role does not complete this instrument");
  }
  if (definition.stages.size() == 1) result->stage = definition.stages.front();
  return LoadedResult{std::move(*result), std::move(*episode), &definition};
}

}  // namespace hearth
