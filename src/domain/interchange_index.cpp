#include "domain/interchange_index.hpp"

#include <array>

namespace hearth::interchange {
namespace {
namespace json = boost::json;
using enum RecordType;

// INTERCHANGE.md's stage dates, in order; opened_on comes before all of them.
constexpr std::array<std::string_view, 7> kStageDates{
    "allocated_assessment_on", "assessment_completed_on", "brokerage_started_on", "plan_completed_on", "panel_on",
    "intervention_started_on", "review_started_on"};

// The date of a record that belongs to an episode, which must not be before the episode opened.
std::string_view EpisodeDatedField(RecordType type) {
  switch (type) {
    case kAssignment:
      return "from";
    case kAppraisal:
      return "requested_on";
    case kContact:
    case kAssessment:
    case kFeedback:
    case kOversight:
    case kAudit:
      return "on";
    case kAce:
      return "identified_on";
    default:
      return {};
  }
}

void Add(std::vector<LineError>& errors, std::uint32_t line, std::string_view field, const char* key) {
  errors.push_back({line, std::string(field), key, 0});
}

// `later` is not before `earlier` (either absent: nothing to check).
void CheckNotBefore(const json::object& r, std::string_view earlier, std::string_view later, const char* key,
                    std::uint32_t line, std::vector<LineError>& errors) {
  auto a = DayOf(r, earlier);
  auto b = DayOf(r, later);
  if (a && b && *b < *a) Add(errors, line, later, key);
}

}  // namespace

Ref IdTable::Intern(std::string_view id) {
  if (auto it = ids_.find(id); it != ids_.end()) return it->second;
  const Ref r = static_cast<Ref>(entries_.size());
  ids_.emplace(names_.emplace_back(id), r);
  entries_.emplace_back();
  return r;
}

std::optional<Ref> IdTable::Find(std::string_view id) const {
  if (auto it = ids_.find(id); it != ids_.end()) return it->second;
  return std::nullopt;
}

void Index::Note(RecordType type, const json::object& record, std::uint32_t line, std::vector<LineError>& errors) {
  auto& table = Table(type);
  const Ref self = table.Intern(TextOf(record, "id"));
  if (table.At(self).line != 0) {
    errors.push_back({line, "id", "interchange.error.duplicate_id", table.At(self).line});
    return;
  }
  table.At(self).line = line;
  // Intern every reference, so the ids the file does not define can be looked up in the database.
  for (const auto& f : Spec(type).fields)
    if (f.kind == FieldKind::kRef)
      if (auto id = TextOf(record, f.name); !id.empty()) Table(f.ref).Intern(id);
  NoteFacts(type, table.At(self), record);
  // The open intervention_worker assignment of an episode names its worker (episodes.worker_id).
  const auto* to = record.if_contains("to");
  if (type == kAssignment && TextOf(record, "role") == "intervention_worker" && (!to || to->is_null())) {
    const Ref episode = *Table(kEpisode).Find(TextOf(record, "episode"));
    const Ref worker = *Table(kWorker).Find(TextOf(record, "worker"));
    const std::int32_t from = DayOf(record, "from").value_or(0);
    auto [it, inserted] = open_workers_.try_emplace(episode, OpenWorker{worker, from});
    if (!inserted && from >= it->second.from) it->second = {worker, from};
  }
}

void Index::NoteInvalid(RecordType type, const json::object& record, std::uint32_t line) {
  const auto* id = record.if_contains("id");
  if (!id || !id->is_string() || id->get_string().empty()) return;
  auto& table = Table(type);
  auto& e = table.At(table.Intern(id->get_string()));
  if (e.line != 0) return;
  e.line = line;
  e.invalid = true;
}

void Index::NoteFacts(RecordType type, Entry& e, const json::object& record) {
  // `e` stays valid: interning below grows only the family and referral tables, which hold no such facts.
  switch (type) {
    case kPerson:
    case kStatutory:
      e.family = Table(kFamily).Intern(TextOf(record, "family"));
      return;
    case kReferral:
      e.family = Table(kFamily).Intern(TextOf(record, "family"));
      e.day = DayOf(record, "received_on").value_or(0);
      e.early_help = TextOf(record, "decision") == "early_help";
      return;
    case kEpisode:
      e.family = Table(kFamily).Intern(TextOf(record, "family"));
      e.referral = Table(kReferral).Intern(TextOf(record, "referral"));
      e.day = DayOf(record, "opened_on").value_or(0);
      return;
    default:
      return;
  }
}

void Index::NoteStored(RecordType type, Ref ref, std::int64_t row, const json::object* record) {
  auto& table = Table(type);
  table.At(ref).looked_up = true;
  if (row == 0 || !record) return;
  table.At(ref).row = row;
  table.At(ref).stored = true;
  Entry facts;
  NoteFacts(type, facts, *record);  // may grow other tables; copy the facts in afterwards
  auto& e = table.At(ref);
  e.family = facts.family;
  e.referral = facts.referral;
  e.day = facts.day;
  e.early_help = facts.early_help;
}

const Entry* Index::EntryOf(RecordType type, std::string_view id) const {
  auto r = Table(type).Find(id);
  if (!r) return nullptr;
  const auto& e = Table(type).At(*r);
  return e.row != 0 && !e.invalid ? &e : nullptr;
}

std::int64_t Index::RowOf(RecordType type, std::string_view id) const {
  const auto* e = EntryOf(type, id);
  return e ? e->row : 0;
}

std::optional<Ref> Index::InterventionWorkerOf(Ref episode) const {
  auto it = open_workers_.find(episode);
  if (it == open_workers_.end()) return std::nullopt;
  return it->second.worker;
}

void Index::Check(RecordType type, const json::object& record, std::uint32_t line,
                  std::vector<LineError>& errors) const {
  bool references_resolve = true;
  for (const auto& f : Spec(type).fields) {
    if (f.kind != FieldKind::kRef) continue;
    auto id = TextOf(record, f.name);
    if (id.empty() || EntryOf(f.ref, id)) continue;
    references_resolve = false;
    auto r = Table(f.ref).Find(id);
    if (r && Table(f.ref).At(*r).invalid) continue;  // its own line is in error already
    Add(errors, line, f.name, "interchange.error.ref_missing");
  }
  switch (type) {
    case kEpisode:
      CheckEpisode(record, line, errors);
      break;
    case kAssignment:
      CheckNotBefore(record, "from", "to", "interchange.error.before_from", line, errors);
      break;
    case kAppraisal:
      CheckNotBefore(record, "requested_on", "completed_on", "interchange.error.before_requested", line, errors);
      break;
    case kStatutory:
      // INTERCHANGE.md does not ask a statutory record's person to be of its family (only an episode's records
      // must agree), so a file that names a person of another family is accepted as written.
      CheckNotBefore(record, "started_on", "ended_on", "interchange.error.before_started", line, errors);
      break;
    default:
      break;
  }
  if (references_resolve) CheckDatedByEpisode(type, record, line, errors);
}

void Index::CheckDatedByEpisode(RecordType type, const json::object& record, std::uint32_t line,
                                std::vector<LineError>& errors) const {
  auto field = EpisodeDatedField(type);
  if (field.empty()) return;
  const auto* episode = EntryOf(kEpisode, TextOf(record, "episode"));
  if (auto day = DayOf(record, field); day && *day < episode->day)
    Add(errors, line, field, "interchange.error.before_opened");
  if (type == kAce && EntryOf(kPerson, TextOf(record, "person"))->family != episode->family)
    Add(errors, line, "person", "interchange.error.other_family");
}

void Index::CheckEpisode(const json::object& r, std::uint32_t line, std::vector<LineError>& errors) const {
  const auto opened = DayOf(r, "opened_on");
  if (const auto* referral = EntryOf(kReferral, TextOf(r, "referral"))) {
    auto family = Table(kFamily).Find(TextOf(r, "family"));
    if (family && referral->family != *family) Add(errors, line, "referral", "interchange.error.other_family");
    if (!referral->early_help) Add(errors, line, "referral", "interchange.error.referral_not_early_help");
    if (opened && *opened < referral->day) Add(errors, line, "opened_on", "interchange.error.before_received");
  }
  // Each stage date present needs every earlier one and is on or after them all.
  std::int32_t latest = opened.value_or(0);
  bool gap = false;
  for (auto field : kStageDates) {
    auto day = DayOf(r, field);
    if (!day) {
      gap = true;
      continue;
    }
    if (gap) Add(errors, line, field, "interchange.error.stage_needs_earlier");
    if (*day < latest) Add(errors, line, field, "interchange.error.stage_out_of_order");
    latest = std::max(latest, *day);
  }
  if (auto closed = DayOf(r, "closed_on"); closed && *closed < latest)
    Add(errors, line, "closed_on", "interchange.error.closed_before_stage");
  const bool has_reason = r.contains("closure_reason") && !r.at("closure_reason").is_null();
  if (DayOf(r, "closed_on") && !has_reason)
    Add(errors, line, "closure_reason", "interchange.error.closure_reason_required");
  if (!DayOf(r, "closed_on") && has_reason)
    Add(errors, line, "closure_reason", "interchange.error.closure_reason_without_closed");
  auto requires_with = [&](std::string_view date, std::string_view who) {
    if (DayOf(r, date) && TextOf(r, who).empty()) Add(errors, line, who, "interchange.error.required_with_date");
  };
  requires_with("allocated_assessment_on", "ea_officer");
  requires_with("brokerage_started_on", "br_officer");
  requires_with("intervention_started_on", "team");
}

std::string_view StageFromDates(const json::object& e) {
  if (DayOf(e, "closed_on")) return "closed";
  if (DayOf(e, "review_started_on")) return "review";
  if (DayOf(e, "intervention_started_on")) return "intervention";
  if (DayOf(e, "plan_completed_on")) return "panel";
  if (DayOf(e, "assessment_completed_on")) return "brokerage";
  if (DayOf(e, "allocated_assessment_on")) return "assessment";
  return "awaiting_allocation";
}

std::string_view TeamKindForRole(std::string_view role) {
  if (role == "front_door_coordinator") return "front_door";
  if (role == "ea_officer") return "assessment";
  if (role == "br_officer") return "brokerage";
  if (role == "social_worker") return "social_work";
  if (role == "manager") return "management";
  if (role == "auditor") return "quality";
  return "intervention";
}

}  // namespace hearth::interchange
