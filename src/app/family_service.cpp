#include "app/family_service.hpp"

#include <algorithm>
#include <sstream>

#include "app/audit_log.hpp"
#include "app/family_outcomes.hpp"
#include "domain/name_similarity.hpp"
#include "domain/postcode.hpp"
#include "domain/record_rules.hpp"

namespace hearth {
namespace {
constexpr std::size_t kMaxSearchWords = 5;

std::optional<Date> AsDate(const std::string& word) {
  if (auto iso = Date::Parse(word)) return iso;
  // DD/MM/YYYY, as people in the UK write dates
  if (word.size() == 10 && word[2] == '/' && word[5] == '/')
    return Date::Parse(word.substr(6, 4) + "-" + word.substr(3, 2) + "-" + word.substr(0, 2));
  return std::nullopt;
}

// An outward code alone ("CF37") or a whole postcode; words with a digit that are not dates.
bool LooksLikePostcodePart(const std::string& word) {
  bool digit = false, alpha = false;
  for (char c : word) {
    digit = digit || (c >= '0' && c <= '9');
    alpha = alpha || std::isalpha(static_cast<unsigned char>(c));
  }
  return digit && alpha && word.size() <= 8;
}
}  // namespace

std::vector<ChronologyEntry> BuildChronology(const std::vector<Referral>& referrals,
                                             const std::vector<Episode>& episodes) {
  std::vector<ChronologyEntry> out;
  for (const auto& r : referrals) {
    out.push_back({r.received_on, "chronology.referral_received", std::string(ToString(r.source)), r.id});
    out.push_back({r.received_on, "chronology.decision", std::string(ToString(r.decision)), r.id});
  }
  for (const auto& e : episodes) {
    out.push_back({e.opened_on, "chronology.episode_opened", "", e.id});
    if (e.closed_on)
      out.push_back({*e.closed_on, "chronology.episode_closed",
                     e.closure_reason ? std::string(ToString(*e.closure_reason)) : "", e.id});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.on > b.on; });
  return out;
}

namespace {
Result<Family> VisibleFamily(UnitOfWork& uow, const Principal& who, RecordId family_id, Capability needed,
                             std::string_view action, std::optional<Refusal>& refusal) {
  auto family = uow.Families().FindById(family_id);
  if (!family || !who.Can(Capability::kViewFamilies) || !uow.Families().IsVisible(family_id, who.Visibility())) {
    refusal = Refusal{std::string(action), {"family", family_id, family ? family_id : 0}, "not_found"};
    return Error::NotFound("family not visible");
  }
  if (!who.Can(needed)) {
    refusal = Refusal{std::string(action), {"family", family_id, family_id}, "denied"};
    return Error::Forbidden("family action not allowed for role");
  }
  return *family;
}
}  // namespace

Result<SearchPage> FamilyService::Search(const Principal& who, const std::string& query, int page, int page_size) {
  if (!who.Can(Capability::kViewFamilies)) return Error::Forbidden("search");
  FamilySearch search = ParseSearch(query);
  search.visibility = who.Visibility();
  page = std::max(page, 1);
  search.limit = std::clamp(page_size, 1, 100);
  search.offset = (page - 1) * search.limit;
  SearchPage out;
  out.page = page;
  out.page_size = search.limit;
  out.query = query;
  {
    auto uow = db_.BeginRead();
    out.result = uow->Families().Search(search);
  }
  // The search terms are personal data: the trail records that a search happened, not what was sought.
  AuditSeparately(db_, sink_, who, "search", {"family", 0, 0}, "ok");
  return out;
}

Result<FamilyView> FamilyService::View(const Principal& who, RecordId family_id) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<FamilyView> {
    FamilyView view;
    {
      auto uow = db_.BeginRead();
      auto family = VisibleFamily(*uow, who, family_id, Capability::kViewFamilies, "view", refusal);
      if (!family) return family.error();
      view.family = *family;
      view.members = uow->People().ListForFamily(family_id);
      view.relationships = uow->People().ListRelationships(family_id);
      view.referrals = uow->Referrals().ListForFamily(family_id);
      view.episodes = uow->Referrals().ListEpisodes(family_id);
      // What the work list counts from, for each open episode, so the page marks the same overdue work.
      for (const auto& e : view.episodes) {
        if (!e.IsOpen()) continue;
        Date received = e.opened_on;
        for (const auto& r : view.referrals)
          if (r.id == e.referral_id) received = r.received_on;
        view.due_facts.emplace(e.id, DueFactsFrom(received, uow->Casework().ListTafMeetings(e.id)));
      }
      view.chronology = BuildChronology(view.referrals, view.episodes);
      ReadFamilyOutcomes(*uow, who, family_id, view);
    }
    AuditSeparately(db_, sink_, who, "view", {"family", family_id, family_id}, "ok");
    return view;
  });
}

Result<RecordId> FamilyService::Create(const Principal& who, const Input& fields) {
  const bool allowed = who.Can(Capability::kRecordReferrals) ||
                       (who.Can(Capability::kEditFamilies) && who.Visibility().scope == FamilyScope::kAll);
  if (!allowed) {
    AuditSeparately(db_, sink_, who, "create", {"family", 0, 0}, "denied");
    return Error::Forbidden("create family");
  }
  auto family = FamilyFromInput(fields);
  if (!family) return family.error();
  auto uow = db_.BeginWrite();
  const RecordId id = uow->Families().Insert(*family);
  Audit(*uow, who, "create", {"family", id, id});
  uow->Commit();
  return id;
}

Result<void> FamilyService::Update(const Principal& who, RecordId family_id, const Input& fields,
                                   int expected_version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<void> {
    auto uow = db_.BeginWrite();
    auto current = VisibleFamily(*uow, who, family_id, Capability::kEditFamilies, "update", refusal);
    if (!current) return current.error();
    auto family = FamilyFromInput(fields);
    if (!family) return family.error();
    family->id = family_id;
    family->version = expected_version;
    if (!uow->Families().Update(*family)) {
      refusal = Refusal{"update", {"family", family_id, family_id}, "stale"};
      return Error::Stale("family edited since");
    }
    Audit(*uow, who, "update", {"family", family_id, family_id});
    uow->Commit();
    return {};
  });
}

Result<Person> FamilyService::GetPerson(const Principal& who, RecordId person_id) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Person> {
    std::optional<Person> person;
    {
      auto uow = db_.BeginRead();
      person = uow->People().FindById(person_id);
      if (!person) return Error::NotFound("no person");
      auto family = VisibleFamily(*uow, who, person->family_id, Capability::kViewFamilies, "view", refusal);
      if (!family) return family.error();
    }
    AuditSeparately(db_, sink_, who, "view", {"person", person_id, person->family_id}, "ok");
    return *person;
  });
}

Result<RecordId> FamilyService::AddPerson(const Principal& who, RecordId family_id, const Input& fields) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<RecordId> {
    auto uow = db_.BeginWrite();
    auto family = VisibleFamily(*uow, who, family_id, Capability::kEditFamilies, "create", refusal);
    if (!family) return family.error();
    auto person = PersonFromInput(fields, Date::TodayUtc());
    if (!person) return person.error();
    person->family_id = family_id;
    const RecordId id = uow->People().Insert(*person);
    Audit(*uow, who, "create", {"person", id, family_id});
    uow->Commit();
    return id;
  });
}

Result<void> FamilyService::UpdatePerson(const Principal& who, RecordId person_id, const Input& fields,
                                         int expected_version) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<void> {
    auto uow = db_.BeginWrite();
    auto current = uow->People().FindById(person_id);
    if (!current) return Error::NotFound("no person");
    auto family = VisibleFamily(*uow, who, current->family_id, Capability::kEditFamilies, "update", refusal);
    if (!family) return family.error();
    auto person = PersonFromInput(fields, Date::TodayUtc());
    if (!person) return person.error();
    person->id = person_id;
    person->family_id = current->family_id;
    person->version = expected_version;
    if (!uow->People().Update(*person)) {
      refusal = Refusal{"update", {"person", person_id, current->family_id}, "stale"};
      return Error::Stale("person edited since");
    }
    Audit(*uow, who, "update", {"person", person_id, current->family_id});
    uow->Commit();
    return {};
  });
}

Result<RecordId> FamilyService::AddRelationship(const Principal& who, RecordId family_id, const Input& fields) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<RecordId> {
    auto uow = db_.BeginWrite();
    auto family = VisibleFamily(*uow, who, family_id, Capability::kEditFamilies, "update", refusal);
    if (!family) return family.error();
    auto rel = RelationshipFromInput(fields);
    if (!rel) return rel.error();
    auto from = uow->People().FindById(rel->from_person_id);
    auto to = uow->People().FindById(rel->to_person_id);
    std::vector<FieldError> errors;
    if (!from || from->family_id != family_id) errors.push_back({"from_person", "error.choice_invalid"});
    if (!to || to->family_id != family_id) errors.push_back({"to_person", "error.choice_invalid"});
    if (!errors.empty()) return Error::Validation(std::move(errors));
    for (const auto& existing : uow->People().ListRelationships(family_id))
      if (existing.from_person_id == rel->from_person_id && existing.to_person_id == rel->to_person_id &&
          existing.kind == rel->kind)
        return Error::Conflict("duplicate relationship", "error.validation", {{"kind", "error.relationship_exists"}});
    rel->family_id = family_id;
    const RecordId id = uow->People().InsertRelationship(*rel);
    Audit(*uow, who, "create", {"relationship", id, family_id});
    uow->Commit();
    return id;
  });
}

Result<void> FamilyService::RemoveRelationship(const Principal& who, RecordId family_id, RecordId relationship_id) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<void> {
    auto uow = db_.BeginWrite();
    auto family = VisibleFamily(*uow, who, family_id, Capability::kEditFamilies, "delete", refusal);
    if (!family) return family.error();
    if (!uow->People().DeleteRelationship(family_id, relationship_id)) return Error::NotFound("no relationship");
    Audit(*uow, who, "delete", {"relationship", relationship_id, family_id});
    uow->Commit();
    return {};
  });
}

FamilySearch ParseSearch(const std::string& query) {
  FamilySearch search;
  std::istringstream in(query);
  std::vector<std::string> list;
  for (std::string w; in >> w;) list.push_back(w);
  // A postcode is usually typed with its space ("CF37 1DL"): two neighbouring words that make one are one term.
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i + 1 < list.size() && !AsDate(list[i]) && NormaliseUkPostcode(list[i] + list[i + 1])) {
      terms.push_back(list[i] + list[i + 1]);
      ++i;
    } else {
      terms.push_back(list[i]);
    }
  }
  for (const std::string& word : terms) {
    if (auto date = AsDate(word)) {
      search.date_of_birth = date;
    } else if (auto postcode = NormaliseUkPostcode(word)) {
      search.postcode_prefix = *postcode;
      std::erase(search.postcode_prefix, ' ');
    } else if (LooksLikePostcodePart(word)) {
      search.postcode_prefix.clear();
      for (char c : word) search.postcode_prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!NormaliseName(word).empty() && search.name_prefixes.size() < kMaxSearchWords) {
      search.name_prefixes.push_back(NormaliseName(word));
    }
  }
  return search;
}

}  // namespace hearth
