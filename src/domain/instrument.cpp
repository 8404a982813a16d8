#include "domain/instrument.hpp"

#include <algorithm>
#include <charconv>

#include "common/date.hpp"

namespace hearth {
namespace {

// Catalogue keys of the per-answer errors (config/messages/en/instruments.toml).
constexpr const char* kUnknown = "error.instrument.unknown_item";
constexpr const char* kMissing = "error.instrument.missing";
constexpr const char* kNotANumber = "error.instrument.not_a_number";
constexpr const char* kOutOfScale = "error.instrument.out_of_scale";
constexpr const char* kNotAnOption = "error.instrument.not_an_option";
constexpr const char* kNotYesNo = "error.instrument.not_yes_no";
constexpr const char* kBadDate = "error.instrument.date_invalid";
constexpr const char* kTooLong = "error.instrument.too_long";
constexpr const char* kNotAsked = "error.instrument.not_asked";

std::optional<int> ParseWhole(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

const Item* FindItem(const Instrument& instrument, std::string_view id) {
  for (const Item& item : instrument.items)
    if (item.id == id) return &item;
  return nullptr;
}

const Question* FindQuestion(const Instrument& instrument, std::string_view id) {
  for (const Question& question : instrument.questions)
    if (question.id == id) return &question;
  return nullptr;
}

// The catalogue key of what is wrong with a question's answer, or nullptr when it is acceptable.
const char* QuestionAnswerProblem(const Instrument& instrument, const Question& question, const std::string& answer) {
  switch (question.kind) {
    case QuestionKind::kChoice:
      for (const ChoiceOption& option : question.options)
        if (option.value == answer) return nullptr;
      return kNotAnOption;
    case QuestionKind::kScale: {
      const auto value = ParseWhole(answer);
      if (!value) return kNotANumber;
      const ResponseScale* scale = instrument.FindScale(question.scale);
      return scale != nullptr && scale->Allows(*value) ? nullptr : kOutOfScale;
    }
    case QuestionKind::kYesNo:
      return answer == "yes" || answer == "no" ? nullptr : kNotYesNo;
    case QuestionKind::kText:
      return answer.size() <= static_cast<std::size_t>(question.max_length) ? nullptr : kTooLong;
    case QuestionKind::kDate:
      return Date::Parse(answer) ? nullptr : kBadDate;
    case QuestionKind::kWorker: {
      const auto id = ParseWhole(answer);
      return id && *id > 0 ? nullptr : kNotANumber;
    }
  }
  return kNotAnOption;
}

// A question is asked unless its only_if question was not answered yes.
bool Asked(const Question& question, const Answers& answers) {
  if (question.only_if.empty()) return true;
  const auto it = answers.find(question.only_if);
  return it != answers.end() && it->second == "yes";
}

// An empty answer is no answer: a form posts every field, filled in or not.
bool Answered(const Answers& answers, std::string_view id) {
  const auto it = answers.find(id);
  return it != answers.end() && !it->second.empty();
}

Result<ScoreSheet> Check(const Instrument& instrument, const Answers& answers, bool final) {
  std::vector<FieldError> errors;
  for (const auto& [id, answer] : answers) {
    if (answer.empty()) continue;
    if (const Item* item = FindItem(instrument, id)) {
      const auto value = ParseWhole(answer);
      const ResponseScale* scale = instrument.FindScale(item->scale);
      if (!value)
        errors.push_back({id, kNotANumber});
      else if (scale == nullptr || !scale->Allows(*value))
        errors.push_back({id, kOutOfScale});
    } else if (const Question* question = FindQuestion(instrument, id)) {
      if (!Asked(*question, answers))
        errors.push_back({id, kNotAsked});
      else if (const char* problem = QuestionAnswerProblem(instrument, *question, answer))
        errors.push_back({id, problem});
    } else {
      errors.push_back({id, kUnknown});
    }
  }

  bool complete = true;
  for (const Item& item : instrument.items) {
    if (Answered(answers, item.id)) continue;
    complete = false;
    if (final) errors.push_back({item.id, kMissing});
  }
  for (const Question& question : instrument.questions) {
    if (!question.required || !Asked(question, answers) || Answered(answers, question.id)) continue;
    complete = false;
    if (final) errors.push_back({question.id, kMissing});
  }
  if (!errors.empty()) return Error::Validation(std::move(errors), "instrument answers refused");

  ScoreSheet sheet;
  sheet.complete = complete;
  if (!instrument.IsScored()) return sheet;
  bool all_domains = true;
  int combined = 0;
  for (const ScoreDomain& domain : instrument.domains) {
    DomainScore score{domain.id, 0, std::nullopt};
    for (const Item& item : instrument.items) {
      if (item.domain != domain.id) continue;
      const auto it = answers.find(item.id);
      if (it == answers.end() || it->second.empty()) score.total.reset();
      if (score.total) *score.total += *ParseWhole(it->second);
    }
    if (score.total) {
      score.band = BandFor(domain.bands, *score.total);
      combined += *score.total;
    } else {
      all_domains = false;
    }
    sheet.domains.push_back(std::move(score));
  }
  if (all_domains) {
    sheet.combined = combined;
    sheet.combined_band = BandFor(instrument.scoring->bands, combined);
  }
  return sheet;
}

}  // namespace

int ResponseScale::Min() const {
  int min = points.empty() ? 0 : points.front().value;
  for (const ScalePoint& point : points) min = std::min(min, point.value);
  return min;
}

int ResponseScale::Max() const {
  int max = points.empty() ? 0 : points.front().value;
  for (const ScalePoint& point : points) max = std::max(max, point.value);
  return max;
}

bool ResponseScale::Allows(int value) const {
  return std::any_of(points.begin(), points.end(), [value](const ScalePoint& p) { return p.value == value; });
}

bool Instrument::CompletedBy(Role role) const {
  return std::find(completed_by.begin(), completed_by.end(), role) != completed_by.end();
}

bool Instrument::TakenAt(InstrumentStage stage) const {
  for (InstrumentStage taken : stages)
    if (taken == stage || taken == InstrumentStage::kAny) return true;
  return false;
}

const ResponseScale* Instrument::FindScale(std::string_view scale_id) const {
  for (const ResponseScale& scale : scales)
    if (scale.id == scale_id) return &scale;
  return nullptr;
}

const ScoreDomain* Instrument::FindDomain(std::string_view domain_id) const {
  for (const ScoreDomain& domain : domains)
    if (domain.id == domain_id) return &domain;
  return nullptr;
}

std::pair<int, int> Instrument::DomainRange(std::string_view domain_id) const {
  int low = 0;
  int high = 0;
  for (const Item& item : items) {
    if (item.domain != domain_id) continue;
    if (const ResponseScale* scale = FindScale(item.scale)) {
      low += scale->Min();
      high += scale->Max();
    }
  }
  return {low, high};
}

std::pair<int, int> Instrument::CombinedRange() const {
  int low = 0;
  int high = 0;
  for (const ScoreDomain& domain : domains) {
    const auto [domain_low, domain_high] = DomainRange(domain.id);
    low += domain_low;
    high += domain_high;
  }
  return {low, high};
}

std::optional<Band> BandFor(const std::vector<Band>& bands, int total) {
  for (const Band& band : bands)
    if (band.from <= total && total <= band.to) return band;
  return std::nullopt;
}

Result<ScoreSheet> ScoreResponses(const Instrument& instrument, const Answers& answers) {
  return Check(instrument, answers, false);
}

Result<ScoreSheet> ValidateForFinal(const Instrument& instrument, const Answers& answers) {
  return Check(instrument, answers, true);
}

}  // namespace hearth
