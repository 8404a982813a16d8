// A final quality audit goes to the worker whose work was audited and to their manager (seed 004: the feedback must
// reach the worker); each acknowledges it, and until then it is on their list of audits to acknowledge.
#include "app/instrument_loading.hpp"

namespace hearth {
namespace {
constexpr std::string_view kAudit = "quality_audit";
}  // namespace

Result<AssessmentView> InstrumentService::AcknowledgeAudit(const Principal& who, RecordId audit_id, int version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<AssessmentView> {
    auto uow = db_.BeginWrite();
    auto loaded =
        LoadResult(*uow, registry_, who, {std::string(kAudit), audit_id}, EpisodeNeed::kView, "acknowledge", refusal);
    if (!loaded) return loaded.error();
    InstrumentResult& audit = loaded->result;
    const bool as_worker = audit.sent_to_worker == who.user_id;
    const bool as_manager = audit.sent_to_manager == who.user_id;
    if (audit.status != ResultStatus::kFinal || (!as_worker && !as_manager)) {
      refusal = Refusal{"acknowledge", {"audit", audit_id, loaded->episode.family_id}, "denied"};
      return Error{ErrorCode::kForbidden, "audit not sent to the caller", "error.instrument.not_recipient", {}};
    }
    if (audit.version != version) return Error::Stale("audit");
    const Date today = Date::TodayUtc();
    if (as_worker && !audit.worker_acknowledged_on) audit.worker_acknowledged_on = today;
    if (as_manager && !audit.manager_acknowledged_on) audit.manager_acknowledged_on = today;
    if (!uow->InstrumentResults().Update(audit)) return Error::Stale("audit");
    Audit(*uow, who, "acknowledge", {"audit", audit_id, loaded->episode.family_id});
    uow->Commit();
    ++audit.version;
    return ViewOf(registry_, std::move(audit));
  });
}

Result<std::vector<AssessmentView>> InstrumentService::AuditsToAcknowledge(const Principal& who) {
  std::vector<InstrumentResult> audits;
  {
    auto uow = db_.BeginRead();
    audits = uow->InstrumentResults().ListAuditsToAcknowledge(who.user_id);
  }
  std::vector<AssessmentView> out;
  for (auto& audit : audits) out.push_back(ViewOf(registry_, std::move(audit)));
  AuditSeparately(db_, sink_, who, "view", {"audits_to_acknowledge", who.user_id, 0}, "ok");
  return out;
}

}  // namespace hearth
