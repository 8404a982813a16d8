// The part of CaseworkWriter that records the plan and what came of it: appraisals, actions, scored assessments,
// ACEs and the family's feedback.
#include <algorithm>
#include <array>

#include "demo/history_casework.hpp"

namespace hearth::demo {
namespace {

constexpr std::array<std::string_view, 6> kAppraisalKinds{
    "health", "housing", "education", "financial_inclusion", "parenting", "young_person"};
constexpr std::array<WeightedValue<int>, 4> kAppraisalCounts{{{0, 25}, {1, 35}, {2, 25}, {3, 15}}};
constexpr std::array<std::string_view, 16> kObjectives{
    "Improve school attendance to at least 90%",
    "Establish a consistent bedtime routine for the children",
    "Attend the parenting programme and put one new strategy into practice each week",
    "Register with a GP and dentist and keep appointments",
    "Reduce rent arrears with an agreed repayment plan",
    "Maximise household income through a benefits check",
    "Engage with the substance misuse service",
    "Complete a safety plan and attend domestic abuse support",
    "Reduce arguments at home using agreed calming strategies",
    "Support the young person into a positive activity twice a week",
    "Secure suitable housing and avoid eviction",
    "Attend the speech and language assessment",
    "Agree household routines and responsibilities as a family",
    "Take up the free childcare offer",
    "Reduce missed health visitor appointments",
    "Build a support network of friends, family and community groups"};
constexpr std::array<std::string_view, 10> kAces{"physical_abuse",
                                                 "sexual_abuse",
                                                 "emotional_abuse",
                                                 "physical_neglect",
                                                 "emotional_neglect",
                                                 "domestic_violence",
                                                 "household_substance_misuse",
                                                 "household_mental_illness",
                                                 "parental_separation",
                                                 "household_imprisonment"};
constexpr std::array<WeightedValue<std::string_view>, 5> kSatisfaction{
    {{"very_happy", 36}, {"happy", 34}, {"neither", 15}, {"unhappy", 10}, {"very_unhappy", 5}}};
// Action status by where the episode stands at the end of the history.
constexpr std::array<WeightedValue<std::string_view>, 5> kClosedStatus{
    {{"completed", 55}, {"not_completed", 18}, {"no_longer_required", 15}, {"in_progress", 8}, {"not_started", 4}}};
constexpr std::array<WeightedValue<std::string_view>, 5> kOpenStatus{
    {{"in_progress", 40}, {"completed", 25}, {"not_started", 25}, {"not_completed", 5}, {"no_longer_required", 5}}};
constexpr std::array<WeightedValue<std::string_view>, 2> kWaitingStatus{{{"not_started", 80}, {"in_progress", 20}}};

constexpr Day kLastDay = 47846;  // 2100-12-31, the last date the format allows

Day Within(DemoRandom& rng, Day from, Day to) { return rng.Between(from, std::max(from, to)); }

// Picks `count` different indices below `n`.
std::vector<std::size_t> Distinct(DemoRandom& rng, std::size_t n, int count) {
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  for (std::size_t i = 0; i < static_cast<std::size_t>(count) && i < n; ++i)
    std::swap(all[i], all[i + rng.Below(static_cast<std::uint32_t>(n - i))]);
  all.resize(std::min(n, static_cast<std::size_t>(count)));
  return all;
}

bool TeenagerOn(const std::vector<FamilyMember>& members, Day day) {
  return std::any_of(members.begin(), members.end(), [day](const FamilyMember& m) {
    return m.child && m.born && day - *m.born >= 11 * 365 + 3 && day - *m.born < 18 * 365;
  });
}

}  // namespace

void CaseworkWriter::WriteAppraisals(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  if (!p.Reached(Stage::kBrokerage)) return;
  const Day end = p.LastDay(e.history_end);
  for (const std::size_t kind : Distinct(rng_, kAppraisalKinds.size(), PickFrom(rng_, kAppraisalCounts))) {
    const Day requested = p.At(Stage::kBrokerage) + rng_.Between(0, 5);
    if (requested > end) continue;
    std::optional<Day> completed = requested + rng_.Between(1, 30);
    if (*completed > e.history_end || rng_.Percent(10)) completed.reset();  // partners do not always answer
    out_.Begin("appraisal", Nulls())
        .Text("id", ids_.appraisal.Next())
        .Text("episode", e.id)
        .Text("kind", kAppraisalKinds[kind])
        .Date("requested_on", requested)
        .OptDate("completed_on", completed)
        .End();
  }
}

void CaseworkWriter::WriteActions(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  if (!p.Reached(Stage::kPlanned)) return;
  const Day planned = p.At(Stage::kPlanned);
  for (const std::size_t objective : Distinct(rng_, kObjectives.size(), rng_.Between(2, 5))) {
    std::string_view status;
    if (p.closed)
      status = PickFrom(rng_, kClosedStatus);
    else if (p.Reached(Stage::kIntervention))
      status = PickFrom(rng_, kOpenStatus);
    else
      status = PickFrom(rng_, kWaitingStatus);
    auto line = out_.Begin("action", Nulls());
    line.Text("id", ids_.action.Next()).Text("episode", e.id).Text("objective", kObjectives[objective]);
    line.OptText("service", rng_.Percent(55) ? std::optional<std::string_view>(Any(staff_.services)) : std::nullopt);
    line.OptDate("due_on", rng_.Percent(90) ? std::optional<Day>(std::min(kLastDay, planned + rng_.Between(28, 120)))
                                            : std::nullopt);
    line.Text("status", status).End();
  }
}

void CaseworkWriter::Assessment(const EpisodeContext& e, std::string_view instrument, std::string_view stage, Day on,
                                const std::array<int, 4>& scores) {
  out_.Begin("assessment")
      .Text("id", ids_.assessment.Next())
      .Text("episode", e.id)
      .Text("instrument", instrument)
      .Text("stage", stage)
      .Date("on", on)
      .BeginObject("scores")
      .Int("environment", scores[0])
      .Int("adversity", scores[1])
      .Int("resilience", scores[2])
      .Int("vulnerability", scores[3])
      .EndObject()
      .End();
}

void CaseworkWriter::WriteAssessments(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  if (!p.Reached(Stage::kAssessed)) return;
  const Day end = p.LastDay(e.history_end);
  const Day assessed = p.At(Stage::kAssessed);
  // Evaluations come at review, or at a closure without one; most families score lower (better) by then.
  const bool evaluate = p.Reached(Stage::kReview) || (p.closed && p.Reached(Stage::kIntervention) && rng_.Percent(25));
  const Day evaluation_from = p.Reached(Stage::kReview) ? p.At(Stage::kReview) : end;
  for (const std::string_view instrument :
       {std::string_view("resilience"), std::string_view("young_person_resilience")}) {
    const bool young = instrument == "young_person_resilience";
    if (young ? !(TeenagerOn(*e.members, assessed) && rng_.Percent(60)) : !rng_.Percent(90)) continue;
    std::array<int, 4> initial{};
    for (int& score : initial) score = rng_.Between(10, 28);
    Assessment(e, instrument, "initial", Within(rng_, p.At(Stage::kAllocated), assessed), initial);
    if (!evaluate || !rng_.Percent(young ? 70 : 85)) continue;
    for (int n = rng_.Percent(5) ? 2 : 1; n > 0; --n) {
      std::array<int, 4> later{};
      for (std::size_t d = 0; d < later.size(); ++d) later[d] = std::clamp(initial[d] - rng_.Between(-3, 8), 5, 30);
      Assessment(e, instrument, "evaluation", Within(rng_, evaluation_from, end), later);
    }
  }
}

void CaseworkWriter::WriteAces(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  if (!p.Reached(Stage::kAssessed)) return;
  const Day end = p.LastDay(e.history_end);
  const bool worked_with = p.Reached(Stage::kIntervention);
  for (const FamilyMember& member : *e.members) {
    if (!member.child || !rng_.Percent(35)) continue;
    for (const std::size_t ace : Distinct(rng_, kAces.size(), rng_.Between(1, 3))) {
      // Whether an ACE improved is known at closure after an intervention; before that it is mostly not recorded.
      std::optional<bool> improved;
      if (p.closed && worked_with) {
        if (!rng_.Percent(12)) improved = rng_.Percent(64);
      } else if (rng_.Percent(p.closed ? 20 : 10)) {
        improved = p.closed ? false : rng_.Percent(50);
      }
      const bool later = worked_with && rng_.Percent(10);  // disclosed during the intervention
      const Day identified = later ? Within(rng_, p.At(Stage::kIntervention), end)
                                   : Within(rng_, p.At(Stage::kAllocated), p.At(Stage::kAssessed));
      out_.Begin("ace", Nulls())
          .Text("id", ids_.ace.Next())
          .Text("episode", e.id)
          .Text("person", member.id)
          .Text("ace", kAces[ace])
          .Date("identified_on", identified)
          .OptBool("improved", improved)
          .End();
    }
  }
}

void CaseworkWriter::WriteFeedback(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  if (!p.Reached(Stage::kIntervention)) return;
  const Day end = p.LastDay(e.history_end);
  const Day started = p.At(Stage::kIntervention);
  if (rng_.Percent(30) && started + 14 <= end) {
    out_.Begin("feedback")
        .Text("id", ids_.feedback.Next())
        .Text("episode", e.id)
        .Date("on", Within(rng_, started + 14, end))
        .Text("form", "relationship")
        .BeginObject("answers")
        .Int("listened_to", rng_.Between(2, 5))
        .Int("understood_our_family", rng_.Between(1, 5))
        .Int("worked_together_on_goals", rng_.Between(2, 5))
        .EndObject()
        .End();
  }
  if (!p.closed || !rng_.Percent(45)) return;
  auto line = out_.Begin("feedback");
  line.Text("id", ids_.feedback.Next()).Text("episode", e.id).Date("on", *p.closed).Text("form", "service_user");
  line.BeginObject("answers").Text("satisfaction", PickFrom(rng_, kSatisfaction));
  if (rng_.Percent(50)) line.Bool("would_recommend", rng_.Percent(80));
  line.EndObject().End();
}

}  // namespace hearth::demo
