// Instruments: the scored and recorded forms of issue 4 (Resilience Assessment, ACE checklist, feedback, oversight,
// audit) as data. A definition is read from config/instruments (app/instrument_config.cpp) and checked here;
// answers are checked and scored against the definition they were made with. docs/instruments.md has the format.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/enums.hpp"

namespace hearth {

// When in an episode a form is completed: at assessment, before closure, or at any time.
enum class InstrumentStage { kInitial, kEvaluation, kAny };
template <> struct EnumTraits<InstrumentStage> {
  static constexpr std::array kNames{"initial"sv, "evaluation"sv, "any"sv};
};

// Whether one form is completed for the whole family (per episode) or for one person of it.
enum class InstrumentSubject { kEpisode, kPerson };
template <> struct EnumTraits<InstrumentSubject> {
  static constexpr std::array kNames{"episode"sv, "person"sv};
};

enum class ScoreDirection { kLowerIsBetter, kHigherIsBetter };
template <> struct EnumTraits<ScoreDirection> {
  static constexpr std::array kNames{"lower_is_better"sv, "higher_is_better"sv};
};

// Unscored questions. `worker` is a staff member's id, which the app layer checks against the users it knows.
enum class QuestionKind { kChoice, kScale, kYesNo, kText, kDate, kWorker };
template <> struct EnumTraits<QuestionKind> {
  static constexpr std::array kNames{"choice"sv, "scale"sv, "yes_no"sv, "text"sv, "date"sv, "worker"sv};
};

struct ScalePoint {
  int value = 0;
  std::string label;
};

// The answers an item or scale question may take: whole numbers, each with its label.
struct ResponseScale {
  std::string id;
  std::vector<ScalePoint> points;

  int Min() const;
  int Max() const;
  bool Allows(int value) const;
};

// A named range of totals, both ends included.
struct Band {
  std::string id;
  std::string label;
  int from = 0;
  int to = 0;
};

struct ScoreDomain {
  std::string id;
  std::string title;
  std::vector<Band> bands;  // may be empty; if not, they cover every total the domain can reach
};

// A scored item: its answer is a value of its scale and counts towards its domain's total.
struct Item {
  std::string id;
  std::string domain;
  std::string scale;
  std::string text;
};

struct ChoiceOption {
  std::string value;
  std::string label;
};

struct Question {
  std::string id;
  QuestionKind kind = QuestionKind::kText;
  std::string text;
  std::string hint;
  bool required = false;
  std::vector<ChoiceOption> options;  // kChoice
  std::string scale;                  // kScale
  std::string only_if;                // a yes_no question: this one is asked only when that was answered yes
  int max_length = 2000;              // kText, in bytes
};

struct Scoring {
  ScoreDirection direction = ScoreDirection::kLowerIsBetter;
  std::string combined_title;
  std::vector<Band> bands;  // over the combined total (the sum of the domain totals)
};

struct Instrument {
  std::string id;
  int version = 0;
  std::string title;
  std::string description;
  std::vector<Role> completed_by;
  std::vector<InstrumentStage> stages;
  InstrumentSubject per = InstrumentSubject::kEpisode;
  std::optional<MemberRole> person_role;  // per person: only members of this role (e.g. children)
  std::vector<ResponseScale> scales;
  std::vector<ScoreDomain> domains;
  std::vector<Item> items;
  std::optional<Scoring> scoring;  // present exactly when there are items
  std::vector<Question> questions;

  bool IsScored() const { return !items.empty(); }
  bool CompletedBy(Role role) const;
  bool TakenAt(InstrumentStage stage) const;
  const ResponseScale* FindScale(std::string_view scale_id) const;
  const ScoreDomain* FindDomain(std::string_view domain_id) const;
  // The lowest and highest total a domain can reach, from its items' scales.
  std::pair<int, int> DomainRange(std::string_view domain_id) const;
  std::pair<int, int> CombinedRange() const;
};

// One thing wrong with a definition. `path` names the offending element in the file's own terms, e.g.
// "items[3].domain" or "domains[0].bands[1]", so the loader can point at its line.
struct DefinitionProblem {
  std::string path;
  std::string problem;
};

// Every problem of a definition, in the order of the file's sections; empty when it is sound.
std::vector<DefinitionProblem> ValidateDefinition(const Instrument& instrument);

// The band of `bands` holding `total`, if any.
std::optional<Band> BandFor(const std::vector<Band>& bands, int total);

// Answers by item or question id, as text: a form post and a JSON object both reduce to this.
using Answers = std::map<std::string, std::string, std::less<>>;

struct DomainScore {
  std::string domain;
  std::optional<int> total;  // absent while any of the domain's items is unanswered
  std::optional<Band> band;
};

struct ScoreSheet {
  std::vector<DomainScore> domains;  // in the definition's order
  std::optional<int> combined;       // absent while any domain total is
  std::optional<Band> combined_band;
  bool complete = false;  // every item answered and every required question answered
};

// Checks answers against the definition and scores what is there. Refuses (a validation error with one FieldError
// per offending item or question: its id and the reason's catalogue key) unknown ids, values outside an item's
// scale or a question's options, malformed dates and numbers, over-long text, and answers to a question whose
// only_if condition is not met. A draft may leave anything unanswered.
Result<ScoreSheet> ScoreResponses(const Instrument& instrument, const Answers& answers);

// The same, for a result about to be finalised: additionally every item and every required (and asked) question
// must be answered, each missing one reported as error.instrument.missing.
Result<ScoreSheet> ValidateForFinal(const Instrument& instrument, const Answers& answers);

}  // namespace hearth
