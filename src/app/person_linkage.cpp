#include "app/person_linkage.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <set>
#include <string_view>

namespace hearth {
namespace {
constexpr int kPage = 50'000;  // people read per query when indexing, so no one query holds a million rows

// What a Hearth person is to the engine's column types. Sex as the generator writes it (F/M) so a model trained on
// generated files fits; "unknown" and "other" are no evidence either way, so missing.
std::string ValueFor(linkage::ColumnType type, const Person& p, const std::string& postcode,
                     const std::string& address_line_1) {
  using linkage::ColumnType;
  switch (type) {
    case ColumnType::kGivenName:
      return p.given_name;
    case ColumnType::kFamilyName:
      return p.family_name;
    case ColumnType::kFullName:
      return p.FullName();
    case ColumnType::kDate:
      return p.date_of_birth ? p.date_of_birth->ToString() : std::string();
    case ColumnType::kCategory:
      return p.sex == Sex::kFemale ? "F" : p.sex == Sex::kMale ? "M" : "";
    case ColumnType::kPostcode:
      return postcode;
    case ColumnType::kAddressText:
      return address_line_1;
    default:
      return {};
  }
}

std::string FieldWord(linkage::ColumnType type) {
  using linkage::ColumnType;
  switch (type) {
    case ColumnType::kGivenName:
      return "given_name";
    case ColumnType::kFamilyName:
      return "family_name";
    case ColumnType::kFullName:
      return "full_name";
    case ColumnType::kDate:
      return "date_of_birth";
    case ColumnType::kCategory:
      return "sex";
    case ColumnType::kPostcode:
      return "postcode";
    case ColumnType::kAddressText:
      return "address";
    default:
      return "other";
  }
}
}  // namespace

std::string LevelWord(const std::string& label) {
  if (label == "null") return "missing";
  if (label.starts_with("else")) return "different";
  if (label.starts_with("not counted")) return "swapped_counted_once";
  const std::string_view name = std::string_view(label).substr(0, label.find_first_of("<> "));
  const bool same_place = label.ends_with("(same place)");
  if (name == "exact") return same_place ? "exact_same_place" : "exact";
  if (name == "jaro_winkler" || name == "levenshtein" || name == "damerau")
    return same_place ? "similar_same_place" : "similar";
  if (name == "nickname" || name == "swapped" || name == "initial" || name == "day_month_swapped" ||
      name == "year_month" || name == "two_of_three" || name == "within_days" || name == "sector" ||
      name == "district" || name == "area")
    return std::string(name);
  return "other";
}

Result<std::unique_ptr<PersonLinkage>> PersonLinkage::Start(Database& db, const LinkageSettings& settings) {
  auto config = linkage::LoadConfig(settings.config_path);
  if (!config) return config.error();
  auto variants = linkage::NameVariants::Load(settings.nicknames_path);
  if (!variants) return variants.error();
  std::optional<linkage::Model> model;
  if (!settings.model_path.empty()) {
    auto loaded = linkage::LoadModel(settings.model_path, *config);
    if (!loaded) return loaded.error();
    model = std::move(*loaded);
  }
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<PersonLinkage> self(new PersonLinkage(db, settings, std::move(*config), std::move(*variants)));
  std::vector<linkage::PersonRecord> people;
  {
    auto uow = db.BeginRead();
    // The log's end first, in the same snapshot as the people: every edit after it is applied by the first
    // catch-up, and applying one already seen does no harm.
    self->last_change_ = uow->People().LastLinkageChange();
    for (;;) {
      auto page = uow->People().ListWithAddressAfter(self->last_seen_, kPage);
      if (page.empty()) break;
      for (const auto& p : page) people.push_back(self->RecordOf(p.person, p.postcode, p.address_line_1));
      self->last_seen_ = page.back().person.id;
    }
  }
  auto index = linkage::PersonIndex::Build(self->config_, self->variants_, people, std::move(model));
  if (!index) return index.error();
  self->index_ = std::move(*index);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("linkage index: {} people in {:.2f} s ({})", people.size(), seconds,
               settings.model_path.empty() ? "model trained on them" : "saved model");
  return self;
}

linkage::PersonRecord PersonLinkage::RecordOf(const Person& person, const std::string& postcode,
                                              const std::string& address_line_1) const {
  linkage::PersonRecord r;
  r.id = person.id == 0 ? std::string("probe") : std::to_string(person.id);
  for (const auto& column : config_.columns)
    r.values.push_back(ValueFor(column.type, person, postcode, address_line_1));
  return r;
}

std::size_t PersonLinkage::Size() const {
  std::lock_guard lock(mutex_);
  return index_->Size();
}

// New people by id cover every way people are added (referrals, the family page, import, demo); edits leave the id
// where it was, so they are read from the database's log of edits, which every writer fills (migration 0011).
void PersonLinkage::CatchUp() {
  std::set<RecordId> people, families;
  auto uow = db_.BeginRead();
  for (;;) {
    auto changes = uow->People().LinkageChangesAfter(last_change_, kPage);
    if (changes.empty()) break;
    for (const auto& change : changes) {
      if (change.person_id != 0) people.insert(change.person_id);
      if (change.family_id != 0) families.insert(change.family_id);
    }
    last_change_ = changes.back().seq;
  }
  for (;;) {
    auto page = uow->People().ListWithAddressAfter(last_seen_, kPage);
    if (page.empty()) break;
    // Ids above every indexed one are new: no earlier entry to look for.
    for (const auto& p : page) index_->Add(RecordOf(p.person, p.postcode, p.address_line_1), /*known_new=*/true);
    last_seen_ = page.back().person.id;
  }
  for (RecordId family_id : families)
    for (const auto& member : uow->People().ListForFamily(family_id)) people.insert(member.id);
  for (RecordId id : people) {
    auto person = uow->People().FindById(id);
    auto family = person ? uow->Families().FindById(person->family_id) : std::nullopt;
    if (!person || !family) {
      index_->Remove(std::to_string(id));
      continue;
    }
    index_->Add(RecordOf(*person, family->postcode, family->address_line_1));
  }
}

std::vector<RankedPerson> PersonLinkage::Rank(const Person& probe, const Family& household, std::size_t limit) {
  std::lock_guard lock(mutex_);
  CatchUp();
  Person unsaved = probe;
  unsaved.id = 0;  // never confused with a stored person's id
  std::vector<RankedPerson> out;
  for (const auto& known :
       index_->Lookup(RecordOf(unsaved, household.postcode, household.address_line_1), limit, settings_.offer_at)) {
    RankedPerson r;
    r.person_id = std::stoll(known.id);
    r.explanation = Describe(known.explanation);
    r.probability = r.explanation.probability;  // the explanation's exact sum, so the two never differ in print
    out.push_back(std::move(r));
  }
  return out;
}

// The engine explains (stored, probe); the front door speaks of what was entered and what is on record.
MatchExplanation PersonLinkage::Describe(const linkage::Explanation& e) const {
  MatchExplanation out;
  out.prior_weight = e.prior_weight;
  out.weight = e.weight;
  out.probability = e.probability;
  for (std::size_t c = 0; c < e.columns.size() && c < config_.columns.size(); ++c) {
    const auto& x = e.columns[c];
    out.steps.push_back(
        {FieldWord(config_.columns[c].type), LevelWord(x.level), x.value_b, x.value_a, x.weight, x.tf_adjustment});
  }
  for (const auto& [name, weight] : e.interactions) out.steps.push_back({"correction", name, "", "", weight, 0});
  return out;
}

}  // namespace hearth
