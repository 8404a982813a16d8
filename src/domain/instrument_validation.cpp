// ValidateDefinition: the rules a definition must keep before any answer is scored against it. A broken definition
// would score families wrongly, silently, so each rule here names the element at fault.
#include <algorithm>
#include <set>

#include "domain/instrument.hpp"

namespace hearth {
namespace {

class Problems {
 public:
  void Add(std::string path, std::string problem) { list_.push_back({std::move(path), std::move(problem)}); }
  std::vector<DefinitionProblem> Take() { return std::move(list_); }

 private:
  std::vector<DefinitionProblem> list_;
};

std::string At(std::string_view list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

// Ids become JSON keys, form field names and paths in error messages: keep them plain.
bool IsPlainId(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void CheckId(Problems& problems, const std::string& path, std::string_view id) {
  if (!IsPlainId(id))
    problems.Add(path, "must be 1 to 64 lower-case letters, digits or underscores, starting with a letter");
}

// Bands must cover [low, high] exactly: every total a form can reach has one band and only one.
void CheckBands(Problems& problems, const std::string& path, const std::vector<Band>& bands, int low, int high) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const Band& band = bands[i];
    const std::string at = At(path, i);
    CheckId(problems, at + ".id", band.id);
    if (!ids.insert(band.id).second) problems.Add(at + ".id", "band '" + band.id + "' is named twice");
    if (band.label.empty()) problems.Add(at + ".label", "must not be empty");
    if (band.from > band.to)
      problems.Add(at, "from " + std::to_string(band.from) + " is above to " + std::to_string(band.to));
  }
  std::vector<std::size_t> order(bands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return bands[a].from < bands[b].from; });
  int next = low;  // the lowest total not yet covered
  for (std::size_t i : order) {
    const Band& band = bands[i];
    const std::string at = At(path, i);
    if (band.from > next)
      problems.Add(at, "totals " + std::to_string(next) + " to " + std::to_string(band.from - 1) + " have no band");
    else if (band.from < next)
      problems.Add(at, "overlaps another band or starts below the lowest total " + std::to_string(low) + " (from " +
                           std::to_string(band.from) + ")");
    next = std::max(next, band.to + 1);
  }
  if (next <= high)
    problems.Add(path, "totals " + std::to_string(next) + " to " + std::to_string(high) + " have no band");
  if (next > high + 1)
    problems.Add(path,
                 "a band reaches " + std::to_string(next - 1) + ", above the highest total " + std::to_string(high));
}

void CheckScales(Problems& problems, const Instrument& instrument) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < instrument.scales.size(); ++i) {
    const ResponseScale& scale = instrument.scales[i];
    const std::string at = At("scales", i);
    CheckId(problems, at + ".id", scale.id);
    if (!ids.insert(scale.id).second) problems.Add(at + ".id", "scale '" + scale.id + "' is defined twice");
    if (scale.points.empty()) problems.Add(at + ".points", "must list at least one value");
    std::set<int> values;
    for (std::size_t p = 0; p < scale.points.size(); ++p) {
      const ScalePoint& point = scale.points[p];
      if (!values.insert(point.value).second)
        problems.Add(At(at + ".points", p) + ".value", "value " + std::to_string(point.value) + " is listed twice");
      if (point.label.empty()) problems.Add(At(at + ".points", p) + ".label", "must not be empty");
    }
  }
}

void CheckScoredPart(Problems& problems, const Instrument& instrument, std::set<std::string>& answer_ids) {
  std::set<std::string> domain_ids;
  for (std::size_t i = 0; i < instrument.domains.size(); ++i) {
    const ScoreDomain& domain = instrument.domains[i];
    CheckId(problems, At("domains", i) + ".id", domain.id);
    if (!domain_ids.insert(domain.id).second)
      problems.Add(At("domains", i) + ".id", "domain '" + domain.id + "' is defined twice");
    if (domain.title.empty()) problems.Add(At("domains", i) + ".title", "must not be empty");
  }
  for (std::size_t i = 0; i < instrument.items.size(); ++i) {
    const Item& item = instrument.items[i];
    const std::string at = At("items", i);
    CheckId(problems, at + ".id", item.id);
    if (!answer_ids.insert(item.id).second)
      problems.Add(at + ".id", "'" + item.id + "' is used by another item or question");
    if (instrument.FindDomain(item.domain) == nullptr) problems.Add(at + ".domain", "no domain '" + item.domain + "'");
    if (instrument.FindScale(item.scale) == nullptr) problems.Add(at + ".scale", "no scale '" + item.scale + "'");
    if (item.text.empty()) problems.Add(at + ".text", "must not be empty");
  }
  if (instrument.items.empty()) {
    if (!instrument.domains.empty()) problems.Add("domains", "domains are scored from items, and there are none");
    if (instrument.scoring) problems.Add("scoring", "scoring needs items to score");
    return;
  }
  if (!instrument.scoring) problems.Add("scoring", "missing: a form with items says how they are scored");
  for (std::size_t i = 0; i < instrument.domains.size(); ++i) {
    const ScoreDomain& domain = instrument.domains[i];
    const bool has_items = std::any_of(instrument.items.begin(), instrument.items.end(),
                                       [&](const Item& item) { return item.domain == domain.id; });
    if (!has_items) {
      problems.Add(At("domains", i), "domain '" + domain.id + "' has no items");
      continue;
    }
    if (domain.bands.empty()) continue;
    const auto [low, high] = instrument.DomainRange(domain.id);
    CheckBands(problems, At("domains", i) + ".bands", domain.bands, low, high);
  }
  if (instrument.scoring) {
    if (instrument.scoring->combined_title.empty()) problems.Add("scoring.combined_title", "must not be empty");
    const auto [low, high] = instrument.CombinedRange();
    if (instrument.scoring->bands.empty())
      problems.Add("scoring.bands", "must list the bands of the combined total");
    else
      CheckBands(problems, "scoring.bands", instrument.scoring->bands, low, high);
  }
}

void CheckQuestions(Problems& problems, const Instrument& instrument, std::set<std::string>& answer_ids) {
  std::set<std::string> yes_no_before;  // only_if must name a yes/no question that comes earlier
  for (std::size_t i = 0; i < instrument.questions.size(); ++i) {
    const Question& question = instrument.questions[i];
    const std::string at = At("questions", i);
    CheckId(problems, at + ".id", question.id);
    if (!answer_ids.insert(question.id).second)
      problems.Add(at + ".id", "'" + question.id + "' is used by another item or question");
    if (question.text.empty()) problems.Add(at + ".text", "must not be empty");
    if (question.kind == QuestionKind::kChoice) {
      if (question.options.empty()) problems.Add(at + ".options", "a choice lists at least one option");
      std::set<std::string> values;
      for (std::size_t o = 0; o < question.options.size(); ++o) {
        const ChoiceOption& option = question.options[o];
        CheckId(problems, At(at + ".options", o) + ".value", option.value);
        if (!values.insert(option.value).second)
          problems.Add(At(at + ".options", o) + ".value", "option '" + option.value + "' is listed twice");
        if (option.label.empty()) problems.Add(At(at + ".options", o) + ".label", "must not be empty");
      }
    } else if (!question.options.empty()) {
      problems.Add(at + ".options", "only a choice question has options");
    }
    if (question.kind == QuestionKind::kScale && instrument.FindScale(question.scale) == nullptr)
      problems.Add(at + ".scale", "no scale '" + question.scale + "'");
    if (question.kind != QuestionKind::kScale && !question.scale.empty())
      problems.Add(at + ".scale", "only a scale question has a scale");
    if (question.max_length < 1 || question.max_length > 100000)
      problems.Add(at + ".max_length", "must be from 1 to 100000");
    if (!question.only_if.empty() && yes_no_before.count(question.only_if) == 0)
      problems.Add(at + ".only_if", "'" + question.only_if + "' is not a yes/no question earlier in the form");
    if (question.kind == QuestionKind::kYesNo) yes_no_before.insert(question.id);
  }
}

}  // namespace

std::vector<DefinitionProblem> ValidateDefinition(const Instrument& instrument) {
  Problems problems;
  CheckId(problems, "id", instrument.id);
  if (instrument.version < 1) problems.Add("version", "must be a whole number from 1");
  if (instrument.title.empty()) problems.Add("title", "must not be empty");
  if (instrument.completed_by.empty()) problems.Add("completed_by", "must name at least one role");
  if (instrument.stages.empty()) problems.Add("stages", "must name at least one stage");
  if (instrument.person_role && instrument.per != InstrumentSubject::kPerson)
    problems.Add("person_role", "only a form completed per person names the person's role");
  CheckScales(problems, instrument);
  std::set<std::string> answer_ids;
  CheckScoredPart(problems, instrument, answer_ids);
  CheckQuestions(problems, instrument, answer_ids);
  if (instrument.items.empty() && instrument.questions.empty())
    problems.Add("items", "a form has at least one item or question");
  return problems.Take();
}

}  // namespace hearth
