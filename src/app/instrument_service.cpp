#include "app/instrument_service.hpp"

#include "app/instrument_loading.hpp"

namespace hearth {
namespace {

std::map<std::string, int> TotalsOf(const ScoreSheet& sheet) {
  std::map<std::string, int> totals;
  for (const DomainScore& score : sheet.domains)
    if (score.total) totals[score.domain] = *score.total;
  return totals;
}

// Scores answers for a draft (each answer valid) or a final result (complete as well), and checks that every
// `worker` answer is a member of staff.
Result<ScoreSheet> CheckAnswers(UnitOfWork& uow, const Instrument& definition, const Answers& answers, bool final) {
  auto scores = final ? ValidateForFinal(definition, answers) : ScoreResponses(definition, answers);
  if (!scores) return scores.error();
  if (auto e = CheckWorkers(uow, definition, answers)) return *e;
  return scores;
}

// Who a final quality audit goes to: the episode's intervention worker (before the panel, its B&R or E&A officer)
// and the manager of that worker's team.
void AddressAudit(UnitOfWork& uow, const Episode& episode, InstrumentResult& audit) {
  const RecordId worker = episode.worker_id != 0       ? episode.worker_id
                          : episode.br_officer_id != 0 ? episode.br_officer_id
                                                       : episode.ea_officer_id;
  if (worker == 0) return;
  audit.sent_to_worker = worker;
  if (const auto user = uow.Users().FindById(worker); user && user->team_id != 0)
    audit.sent_to_manager = uow.InstrumentResults().FindTeamManager(user->team_id);
}

}  // namespace

Result<AssessmentView> InstrumentService::StartDraft(const Principal& who, RecordId episode_id,
                                                     const AssessmentStart& start) {
  const Instrument* definition = registry_.Current(start.instrument);
  if (definition == nullptr) return InstrumentFieldProblem("instrument", "error.instrument.unknown_form");
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    if (!uow->InstrumentResults().Stores(definition->id))
      return InstrumentFieldProblem("instrument", "error.instrument.unknown_form");
    auto episode = LoadEpisode(*uow, who, episode_id, EpisodeNeed::kView, "create", refusal);
    if (!episode) return episode.error();
    if (!MayComplete(*uow, who, *episode, *definition)) {
      refusal = Refusal{"create", {"episode", episode_id, episode->family_id}, "denied"};
      return Error::Forbidden("role does not complete this instrument");
    }
    if (auto e = CheckStart(*uow, *definition, *episode, start)) return *e;
    InstrumentResult result;
    result.episode_id = episode_id;
    result.person_id = start.person_id;
    result.instrument = definition->id;
    result.instrument_version = definition->version;
    result.stage = start.stage;
    result.assessed_on = start.assessed_on;
    result.status = ResultStatus::kDraft;
    result.recorded_by = who.user_id;
    result.id = uow->InstrumentResults().Insert(result);
    result.version = 1;
    Audit(*uow, who, "create", {AuditRecordType(result.instrument), result.id, episode->family_id});
    uow->Commit();
    return ViewOf(registry_, std::move(result));
  });
}

Result<AssessmentView> InstrumentService::SaveDraft(const Principal& who, const ResultKey& key, const Answers& answers,
                                                    int version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded = LoadResult(*uow, registry_, who, key, EpisodeNeed::kAct, "update", refusal);
    if (!loaded) return loaded.error();
    if (loaded->result.version != version) return Error::Stale("instrument result");
    if (loaded->result.status != ResultStatus::kDraft)
      return Error::Conflict("result is not a draft", "error.instrument.not_draft");
    auto scores = CheckAnswers(*uow, *loaded->definition, answers, false);
    if (!scores) return scores.error();
    loaded->result.answers = answers;
    loaded->result.domain_totals = TotalsOf(*scores);
    FileUnderAnsweredDate(*loaded->definition, loaded->result);
    if (!uow->InstrumentResults().Update(loaded->result)) return Error::Stale("instrument result");
    Audit(*uow, who, "update", {AuditRecordType(key.instrument), key.id, loaded->episode.family_id});
    uow->Commit();
    ++loaded->result.version;
    return AssessmentView{std::move(loaded->result), loaded->definition, std::move(*scores)};
  });
}

Result<AssessmentView> InstrumentService::Finalise(const Principal& who, const ResultKey& key, int version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded = LoadResult(*uow, registry_, who, key, EpisodeNeed::kAct, "finalise", refusal);
    if (!loaded) return loaded.error();
    if (loaded->result.version != version) return Error::Stale("instrument result");
    if (loaded->result.status != ResultStatus::kDraft)
      return Error::Conflict("result is not a draft", "error.instrument.not_draft");
    auto scores = CheckAnswers(*uow, *loaded->definition, loaded->result.answers, true);
    if (!scores) return scores.error();
    loaded->result.status = ResultStatus::kFinal;
    loaded->result.domain_totals = TotalsOf(*scores);
    if (loaded->result.instrument == "quality_audit") AddressAudit(*uow, loaded->episode, loaded->result);
    if (!uow->InstrumentResults().Update(loaded->result)) return Error::Stale("instrument result");
    Audit(*uow, who, "finalise", {AuditRecordType(key.instrument), key.id, loaded->episode.family_id});
    uow->Commit();
    ++loaded->result.version;
    return AssessmentView{std::move(loaded->result), loaded->definition, std::move(*scores)};
  });
}

Result<AssessmentView> InstrumentService::Supersede(const Principal& who, const ResultKey& key, const Answers& answers,
                                                    const std::string& reason, int version) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return InstrumentFieldProblem("reason", "error.instrument.reason_required");
  if (reason.size() > 2000) return InstrumentFieldProblem("reason", "error.instrument.too_long");
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded = LoadResult(*uow, registry_, who, key, EpisodeNeed::kAct, "supersede", refusal);
    if (!loaded) return loaded.error();
    if (loaded->result.version != version) return Error::Stale("instrument result");
    if (loaded->result.status != ResultStatus::kFinal)
      return Error::Conflict("only a final result is superseded", "error.instrument.not_final");
    auto scores = CheckAnswers(*uow, *loaded->definition, answers, true);
    if (!scores) return scores.error();

    InstrumentResult successor = loaded->result;
    successor.id = 0;
    successor.answers = answers;
    successor.domain_totals = TotalsOf(*scores);
    successor.status = ResultStatus::kFinal;
    successor.recorded_by = who.user_id;
    successor.superseded_by.reset();
    successor.supersede_reason.clear();
    // A corrected audit is a new one for its recipients to acknowledge.
    successor.worker_acknowledged_on.reset();
    successor.manager_acknowledged_on.reset();
    FileUnderAnsweredDate(*loaded->definition, successor);
    successor.id = uow->InstrumentResults().Insert(successor);
    successor.version = 1;

    loaded->result.status = ResultStatus::kSuperseded;
    loaded->result.superseded_by = successor.id;
    loaded->result.supersede_reason = reason;
    if (!uow->InstrumentResults().Update(loaded->result)) return Error::Stale("instrument result");
    const std::string_view record_type = AuditRecordType(key.instrument);
    Audit(*uow, who, "supersede", {record_type, key.id, loaded->episode.family_id});
    Audit(*uow, who, "create", {record_type, successor.id, loaded->episode.family_id});
    uow->Commit();
    return AssessmentView{std::move(successor), loaded->definition, std::move(*scores)};
  });
}

Result<AssessmentView> InstrumentService::View(const Principal& who, const ResultKey& key) {
  auto viewed = WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<LoadedResult> {
    auto uow = db_.BeginRead();
    return LoadResult(*uow, registry_, who, key, EpisodeNeed::kView, "view", refusal);
  });
  if (!viewed) return viewed.error();
  AuditSeparately(db_, sink_, who, "view", {AuditRecordType(key.instrument), key.id, viewed->episode.family_id}, "ok");
  return ViewOf(registry_, std::move(viewed->result));
}

Result<std::vector<AssessmentView>> InstrumentService::ListForEpisode(const Principal& who, RecordId episode_id,
                                                                      bool audit_view) {
  struct Listed {
    Episode episode;
    std::vector<InstrumentResult> results;
  };
  auto listed = WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Listed> {
    auto uow = db_.BeginRead();
    auto episode = LoadEpisode(*uow, who, episode_id, EpisodeNeed::kView, "view", refusal);
    if (!episode) return episode.error();
    return Listed{std::move(*episode), uow->InstrumentResults().ListForEpisode(episode_id)};
  });
  if (!listed) return listed.error();
  std::vector<AssessmentView> out;
  for (auto& r : listed->results)
    if (MaySeeResult(who, r)) out.push_back(ViewOf(registry_, std::move(r)));
  // One row for the list as a whole: it shows each result's form, date and totals, which is a view of each.
  if (audit_view)
    AuditSeparately(db_, sink_, who, "view", {"instrument_results", episode_id, listed->episode.family_id}, "ok");
  return out;
}

std::vector<const Instrument*> InstrumentService::FormsFor(const Principal& who) const {
  auto uow = db_.BeginRead();
  std::vector<const Instrument*> out;
  for (const Instrument* definition : registry_.CurrentAll())
    if (definition->CompletedBy(who.role) && uow->InstrumentResults().Stores(definition->id)) out.push_back(definition);
  return out;
}

}  // namespace hearth
