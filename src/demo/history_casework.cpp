#include "demo/history_casework.hpp"

#include <algorithm>
#include <array>

namespace hearth::demo {
namespace {

// How many times the intervention worker changes: continuity is the norm, several changes are rare.
constexpr std::array<WeightedValue<int>, 4> kWorkerChanges{{{0, 64}, {1, 25}, {2, 9}, {3, 2}}};
constexpr std::array<WeightedValue<std::string_view>, 6> kAssessmentContactKinds{
    {{"home_visit", 55}, {"phone", 20}, {"office", 10}, {"virtual", 8}, {"school", 5}, {"other", 2}}};
constexpr std::array<WeightedValue<std::string_view>, 6> kInterventionContactKinds{
    {{"home_visit", 45}, {"phone", 20}, {"school", 11}, {"office", 8}, {"virtual", 10}, {"other", 6}}};
constexpr std::array<WeightedValue<std::string_view>, 4> kGrades{
    {{"outstanding", 10}, {"good", 48}, {"requires_improvement", 31}, {"inadequate", 11}}};

Day Within(DemoRandom& rng, Day from, Day to) { return rng.Between(from, std::max(from, to)); }

}  // namespace

void CaseworkWriter::Write(const EpisodeContext& e) {
  const std::vector<Spell> spells = WriteAssignments(e);
  WriteAppraisals(e);
  WriteActions(e);
  WriteContacts(e, spells);
  WriteAssessments(e);
  WriteAces(e);
  WriteFeedback(e);
  WriteOversightAndAudits(e);
}

void CaseworkWriter::Assign(const EpisodeContext& e, const std::string& worker, std::string_view role, Day from,
                            std::optional<Day> to) {
  if (to && *to > e.history_end) to.reset();
  out_.Begin("assignment", Nulls())
      .Text("id", ids_.assignment.Next())
      .Text("episode", e.id)
      .Text("worker", worker)
      .Text("role", role)
      .Date("from", from)
      .OptDate("to", to)
      .End();
}

std::vector<CaseworkWriter::Spell> CaseworkWriter::WriteAssignments(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  const Day end = p.LastDay(e.history_end);
  // Until the episode moves on, an assignment stays open; it ends when the next stage starts or the episode closes.
  const auto until = [&p](Stage next) { return p.Reached(next) ? std::optional<Day>(p.At(next)) : p.closed; };

  if (rng_.Percent(45))
    Assign(e, Any(staff_.front_door), "front_door_coordinator", p.Opened(), until(Stage::kAllocated));
  // A long wait for allocation: the team manager holds the family meanwhile.
  if (until(Stage::kAllocated).value_or(e.history_end) - p.Opened() > 21 && rng_.Percent(30))
    Assign(e, Any(staff_.managers), "manager", p.Opened(), until(Stage::kAllocated));
  if (p.Reached(Stage::kAllocated))
    Assign(e, e.ea_officer, "ea_officer", p.At(Stage::kAllocated), until(Stage::kAssessed));
  if (p.Reached(Stage::kBrokerage)) Assign(e, e.br_officer, "br_officer", p.At(Stage::kBrokerage), p.closed);
  if (p.SteppedUp() || (p.Reached(Stage::kIntervention) && rng_.Percent(5))) {
    const Day from = p.SteppedUp() ? std::max(p.Opened(), *p.closed - rng_.Between(0, 30))
                                   : Within(rng_, p.At(Stage::kIntervention), end);
    Assign(e, Any(staff_.social_workers), "social_worker", from, p.closed);
  }

  std::vector<Spell> spells;
  if (!e.team) return spells;
  const Day start = p.At(Stage::kIntervention);
  std::vector<Day> starts{start};
  for (int i = PickFrom(rng_, kWorkerChanges); i > 0; --i) starts.push_back(Within(rng_, start, end));
  std::sort(starts.begin(), starts.end());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::string worker = Any(e.team->workers);
    // A change of worker brings someone new (the team has at least four workers).
    while (!spells.empty() && worker == spells.back().worker) worker = Any(e.team->workers);
    const std::optional<Day> to = i + 1 < starts.size() ? std::optional<Day>(starts[i + 1]) : p.closed;
    Assign(e, worker, "intervention_worker", starts[i], to);
    spells.push_back({starts[i], std::move(worker)});
  }
  if (rng_.Percent(15))
    Assign(e, Any(e.team->aides), "family_aide", Within(rng_, start, std::min(end, start + 20)), p.closed);
  return spells;
}

void CaseworkWriter::Contact(const EpisodeContext& e, Day on, const std::string& worker, bool intervention) {
  out_.Begin("contact")
      .Text("id", ids_.contact.Next())
      .Text("episode", e.id)
      .Date("on", on)
      .Text("worker", worker)
      .Text("kind", intervention ? PickFrom(rng_, kInterventionContactKinds) : PickFrom(rng_, kAssessmentContactKinds))
      .End();
}

void CaseworkWriter::WriteContacts(const EpisodeContext& e, const std::vector<Spell>& spells) {
  const EpisodePlan& p = e.plan;
  const Day end = p.LastDay(e.history_end);
  const auto stage_end = [&](Stage next) { return p.Reached(next) ? p.At(next) : end; };
  if (p.Reached(Stage::kAllocated)) {
    const Day from = p.At(Stage::kAllocated);
    for (int i = rng_.Between(1, 3); i > 0; --i)
      Contact(e, Within(rng_, from, stage_end(Stage::kAssessed)), e.ea_officer, false);
  }
  if (p.Reached(Stage::kBrokerage)) {
    const Day from = p.At(Stage::kBrokerage);
    for (int i = rng_.Between(0, 2); i > 0; --i)
      Contact(e, Within(rng_, from, stage_end(Stage::kPlanned)), e.br_officer, false);
  }
  if (spells.empty()) return;
  // Roughly weekly visits and calls from whoever holds the family that week, now and then the family aide.
  std::size_t spell = 0;
  for (Day on = spells.front().from + rng_.Between(0, 3); on <= end; on += rng_.Between(4, 12)) {
    while (spell + 1 < spells.size() && spells[spell + 1].from <= on) ++spell;
    const bool aide = rng_.Percent(8);
    Contact(e, on, aide ? Any(e.team->aides) : spells[spell].worker, true);
  }
  if (p.Reached(Stage::kReview)) Contact(e, p.At(Stage::kReview), e.br_officer, false);
}

void CaseworkWriter::WriteOversightAndAudits(const EpisodeContext& e) {
  const EpisodePlan& p = e.plan;
  const Day end = p.LastDay(e.history_end);
  if (rng_.Percent(85)) {
    const Day first = p.Reached(Stage::kAllocated) ? p.At(Stage::kAllocated) : p.Opened() + 14;
    for (Day on = first + rng_.Between(3, 35); on <= end; on += rng_.Between(14, 45)) {
      const bool in_team = e.team && on >= p.At(Stage::kIntervention);
      const bool planned = p.Reached(Stage::kPlanned) && on >= p.At(Stage::kPlanned);
      out_.Begin("oversight")
          .Text("id", ids_.oversight.Next())
          .Text("episode", e.id)
          .Date("on", on)
          .Text("manager", in_team ? Any(e.team->managers) : Any(staff_.managers))
          .Bool("considered_plan_effectiveness", rng_.Percent(planned ? 78 : 20))
          .End();
    }
  }
  // Quality assurance audits about six weeks after the plan.
  if (!p.Reached(Stage::kPlanned) || !rng_.Percent(30)) return;
  const Day on = p.At(Stage::kPlanned) + rng_.Between(35, 49);
  if (on > end) return;
  const std::string& auditor = Any(staff_.auditors);
  out_.Begin("audit")
      .Text("id", ids_.audit.Next())
      .Text("episode", e.id)
      .Date("on", on)
      .Text("auditor", auditor)
      .Text("grade", PickFrom(rng_, kGrades))
      .Bool("shared_with_worker", rng_.Percent(82))
      .End();
  // Now and then the auditor stays on the case while the findings are acted on.
  if (rng_.Percent(6)) Assign(e, auditor, "auditor", on, std::optional<Day>(std::min(end, on + rng_.Between(0, 21))));
}

}  // namespace hearth::demo
