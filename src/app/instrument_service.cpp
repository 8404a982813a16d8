#include "app/instrument_service.hpp"

#include "app/episode_access.hpp"

namespace hearth {
namespace {

constexpr std::string_view kRecordType = "assessment";
// The instruments stored in resilience_assessments (INTERCHANGE.md `assessment`).
constexpr std::string_view kAssessmentInstruments[] = {"resilience", "young_person_resilience"};

bool IsAssessmentInstrument(std::string_view id) {
  for (std::string_view known : kAssessmentInstruments)
    if (known == id) return true;
  return false;
}

Error FieldProblem(std::string field, std::string key) {
  return Error::Validation({FieldError{std::move(field), std::move(key)}}, "assessment refused");
}

// Results keep the version they were made with; a version missing from config/instruments is a broken deployment.
const Instrument& DefinitionOf(const InstrumentRegistry& registry, const AssessmentResult& result) {
  const Instrument* definition = registry.Find(result.instrument, result.instrument_version);
  if (definition == nullptr)
    throw FatalError("instrument '" + result.instrument + "' version " + std::to_string(result.instrument_version) +
                     " is used by a stored result but is not in config/instruments");
  return *definition;
}

std::map<std::string, int> TotalsOf(const ScoreSheet& sheet) {
  std::map<std::string, int> totals;
  for (const DomainScore& score : sheet.domains)
    if (score.total) totals[score.domain] = *score.total;
  return totals;
}

AssessmentView ViewOf(const InstrumentRegistry& registry, AssessmentResult result) {
  const Instrument& definition = DefinitionOf(registry, result);
  auto scores = ScoreResponses(definition, result.answers);
  AssessmentView view{std::move(result), &definition, scores ? *scores : ScoreSheet{}};
  return view;
}

struct Loaded {
  AssessmentResult result;
  Episode episode;
  const Instrument* definition = nullptr;
};

// The result, its episode and its definition, if the caller may see it (else not found) and, with kAct, complete
// this instrument on this episode (else forbidden). Refusals are noted for WithRefusalAudit.
Result<Loaded> LoadResult(UnitOfWork& uow, const InstrumentRegistry& registry, const Principal& who, RecordId id,
                          EpisodeNeed need, std::string_view action, std::optional<Refusal>& refusal) {
  auto result = uow.Assessments().FindById(id);
  if (!result) {
    refusal = Refusal{std::string(action), {kRecordType, id, 0}, "not_found"};
    return Error::NotFound("assessment");
  }
  std::optional<Refusal> episode_refusal;
  auto episode = LoadEpisode(uow, who, result->episode_id, need, action, episode_refusal);
  if (!episode) {
    const RecordId family_id = episode_refusal ? episode_refusal->target.family_id : 0;
    const bool hidden = episode.error().code == ErrorCode::kNotFound;
    refusal = Refusal{std::string(action), {kRecordType, id, family_id}, hidden ? "not_found" : "denied"};
    return episode.error();
  }
  const Instrument& definition = DefinitionOf(registry, *result);
  if (need == EpisodeNeed::kAct && !definition.CompletedBy(who.role)) {
    refusal = Refusal{std::string(action), {kRecordType, id, episode->family_id}, "denied"};
    return Error::Forbidden("role does not complete this instrument");
  }
  return Loaded{std::move(*result), std::move(*episode), &definition};
}

std::optional<Error> CheckStart(UnitOfWork& uow, const Instrument& definition, const Episode& episode,
                                const AssessmentStart& start) {
  if (start.stage == InstrumentStage::kAny || !definition.TakenAt(start.stage))
    return FieldProblem("stage", "error.instrument.stage");
  if (start.assessed_on < episode.opened_on || Date::TodayUtc() < start.assessed_on)
    return FieldProblem("assessed_on", "error.instrument.assessed_on");
  if (definition.per == InstrumentSubject::kEpisode) {
    if (start.person_id) return FieldProblem("person_id", "error.instrument.person");
    return std::nullopt;
  }
  if (!start.person_id) return FieldProblem("person_id", "error.instrument.person");
  const auto person = uow.People().FindById(*start.person_id);
  if (!person || person->family_id != episode.family_id ||
      (definition.person_role && person->role != *definition.person_role))
    return FieldProblem("person_id", "error.instrument.person");
  return std::nullopt;
}

}  // namespace

Result<AssessmentView> InstrumentService::StartDraft(const Principal& who, RecordId episode_id,
                                                     const AssessmentStart& start) {
  const Instrument* definition =
      IsAssessmentInstrument(start.instrument) ? registry_.Current(start.instrument) : nullptr;
  if (definition == nullptr) return FieldProblem("instrument", "error.instrument.unknown_form");
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto episode = LoadEpisode(*uow, who, episode_id, EpisodeNeed::kAct, "create", refusal);
    if (!episode) return episode.error();
    if (!definition->CompletedBy(who.role)) {
      refusal = Refusal{"create", {"episode", episode_id, episode->family_id}, "denied"};
      return Error::Forbidden("role does not complete this instrument");
    }
    if (auto e = CheckStart(*uow, *definition, *episode, start)) return *e;
    AssessmentResult result;
    result.episode_id = episode_id;
    result.person_id = start.person_id;
    result.instrument = definition->id;
    result.instrument_version = definition->version;
    result.stage = start.stage;
    result.assessed_on = start.assessed_on;
    result.status = ResultStatus::kDraft;
    result.recorded_by = who.user_id;
    result.id = uow->Assessments().Insert(result);
    result.version = 1;
    Audit(*uow, who, "create", {kRecordType, result.id, episode->family_id});
    uow->Commit();
    return ViewOf(registry_, std::move(result));
  });
}

Result<AssessmentView> InstrumentService::SaveDraft(const Principal& who, RecordId assessment_id,
                                                    const Answers& answers, int version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded = LoadResult(*uow, registry_, who, assessment_id, EpisodeNeed::kAct, "update", refusal);
    if (!loaded) return loaded.error();
    if (loaded->result.version != version) return Error::Stale("assessment");
    if (loaded->result.status != ResultStatus::kDraft)
      return Error::Conflict("assessment is not a draft", "error.instrument.not_draft");
    auto scores = ScoreResponses(*loaded->definition, answers);
    if (!scores) return scores.error();
    loaded->result.answers = answers;
    loaded->result.domain_totals = TotalsOf(*scores);
    if (!uow->Assessments().Update(loaded->result)) return Error::Stale("assessment");
    Audit(*uow, who, "update", {kRecordType, assessment_id, loaded->episode.family_id});
    uow->Commit();
    ++loaded->result.version;
    return AssessmentView{std::move(loaded->result), loaded->definition, std::move(*scores)};
  });
}

Result<AssessmentView> InstrumentService::Finalise(const Principal& who, RecordId assessment_id, int version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded = LoadResult(*uow, registry_, who, assessment_id, EpisodeNeed::kAct, "finalise", refusal);
    if (!loaded) return loaded.error();
    if (loaded->result.version != version) return Error::Stale("assessment");
    if (loaded->result.status != ResultStatus::kDraft)
      return Error::Conflict("assessment is not a draft", "error.instrument.not_draft");
    auto scores = ValidateForFinal(*loaded->definition, loaded->result.answers);
    if (!scores) return scores.error();
    loaded->result.status = ResultStatus::kFinal;
    loaded->result.domain_totals = TotalsOf(*scores);
    if (!uow->Assessments().Update(loaded->result)) return Error::Stale("assessment");
    Audit(*uow, who, "finalise", {kRecordType, assessment_id, loaded->episode.family_id});
    uow->Commit();
    ++loaded->result.version;
    return AssessmentView{std::move(loaded->result), loaded->definition, std::move(*scores)};
  });
}

Result<AssessmentView> InstrumentService::Supersede(const Principal& who, RecordId assessment_id,
                                                    const Answers& answers, const std::string& reason, int version) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return FieldProblem("reason", "error.instrument.reason_required");
  if (reason.size() > 2000) return FieldProblem("reason", "error.instrument.too_long");
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded = LoadResult(*uow, registry_, who, assessment_id, EpisodeNeed::kAct, "supersede", refusal);
    if (!loaded) return loaded.error();
    if (loaded->result.version != version) return Error::Stale("assessment");
    if (loaded->result.status != ResultStatus::kFinal)
      return Error::Conflict("only a final assessment is superseded", "error.instrument.not_final");
    auto scores = ValidateForFinal(*loaded->definition, answers);
    if (!scores) return scores.error();

    AssessmentResult successor = loaded->result;
    successor.id = 0;
    successor.answers = answers;
    successor.domain_totals = TotalsOf(*scores);
    successor.status = ResultStatus::kFinal;
    successor.recorded_by = who.user_id;
    successor.superseded_by.reset();
    successor.supersede_reason.clear();
    successor.id = uow->Assessments().Insert(successor);
    successor.version = 1;

    loaded->result.status = ResultStatus::kSuperseded;
    loaded->result.superseded_by = successor.id;
    loaded->result.supersede_reason = reason;
    if (!uow->Assessments().Update(loaded->result)) return Error::Stale("assessment");
    Audit(*uow, who, "supersede", {kRecordType, assessment_id, loaded->episode.family_id});
    Audit(*uow, who, "create", {kRecordType, successor.id, loaded->episode.family_id});
    uow->Commit();
    return AssessmentView{std::move(successor), loaded->definition, std::move(*scores)};
  });
}

Result<AssessmentView> InstrumentService::View(const Principal& who, RecordId assessment_id) {
  auto viewed = WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Loaded> {
    auto uow = db_.BeginRead();
    return LoadResult(*uow, registry_, who, assessment_id, EpisodeNeed::kView, "view", refusal);
  });
  if (!viewed) return viewed.error();
  AuditSeparately(db_, sink_, who, "view", {kRecordType, assessment_id, viewed->episode.family_id}, "ok");
  return ViewOf(registry_, std::move(viewed->result));
}

}  // namespace hearth
