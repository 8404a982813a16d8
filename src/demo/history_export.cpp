#include "demo/history_export.hpp"

#include <algorithm>
#include <array>

#include "demo/demo_household.hpp"
#include "demo/history_casework.hpp"
#include "domain/enums.hpp"

namespace hearth {
namespace demo {
namespace {

constexpr Day kEarliestStart = -3653;  // 1960-01-01
constexpr int kProgressEvery = 2000;   // episodes

constexpr std::array<WeightedValue<std::string_view>, 8> kSources{{{"school", 23},
                                                                   {"health", 20},
                                                                   {"police", 17},
                                                                   {"housing", 7},
                                                                   {"self", 9},
                                                                   {"family", 5},
                                                                   {"voluntary", 10},
                                                                   {"other", 5}}};
constexpr std::array<WeightedValue<std::string_view>, 3> kOtherDecisions{
    {{"statutory", 35}, {"advice", 40}, {"no_further_action", 25}}};
constexpr std::array<WeightedValue<std::string_view>, 3> kStatutoryKinds{
    {{"child_in_need", 55}, {"child_protection", 35}, {"looked_after", 10}}};

Day ToDay(const Date& date) { return static_cast<Day>(date.Days().time_since_epoch().count()); }
Date ToDate(Day day) { return Date::FromDays(std::chrono::sys_days{std::chrono::days{day}}); }

class HistoryGenerator {
 public:
  HistoryGenerator(std::ostream& out, const HistoryOptions& options)
      : rng_(options.seed), out_(out), options_(options), end_(ToDay(options.to)) {
    start_ = ToDay(Date(std::chrono::year_month_day(std::chrono::year(options.to.Year() - options.years),
                                                    std::chrono::month(options.to.Month()),
                                                    std::chrono::day(std::min(options.to.Day(), 28U)))));
  }

  bool StartsTooEarly() const { return start_ < kEarliestStart; }

  HistorySummary Run(const std::function<void(long long, long long)>& progress) {
    out_.Begin("header").Text("format", "hearth-interchange").Int("version", 1).End();
    const int per_year = std::max(1, options_.episodes / std::max(1, options_.years));
    staff_ = WriteHistoryStaff(rng_, out_, per_year);
    CaseworkWriter casework(rng_, out_, ids_, staff_);
    casework_ = &casework;
    long long reported = -1;
    while (ids_.episode.Count() < options_.episodes) {
      WriteFamily();
      if (progress && ids_.episode.Count() / kProgressEvery != reported) {
        reported = ids_.episode.Count() / kProgressEvery;
        progress(ids_.episode.Count(), options_.episodes);
      }
    }
    if (progress) progress(ids_.episode.Count(), options_.episodes);
    out_.Flush();
    HistorySummary summary;
    summary.lines = out_.Records();
    summary.families = ids_.family.Count();
    summary.episodes = ids_.episode.Count();
    for (const auto& [type, count] : out_.Counts()) summary.records_by_type[std::string(type)] = count;
    return summary;
  }

 private:
  void WriteFamily();
  std::vector<FamilyMember> WriteMembers(const std::string& family, Household& household);
  void WriteReferralsOnly(const std::string& family, const std::vector<FamilyMember>& members, Day day);
  std::string Referral(const std::string& family, Day received, std::string_view source, std::string_view decision);
  EpisodePlan Episode(const std::string& family, const std::vector<FamilyMember>& members, std::string_view area,
                      Day received, std::string_view source);
  void Statutory(const std::string& family, const std::vector<FamilyMember>& members, Day started,
                 std::optional<Day> ended);
  bool Nulls() { return rng_.Percent(35); }

  DemoRandom rng_;
  JsonLinesWriter out_;
  HistoryOptions options_;
  Day start_ = 0, end_ = 0;
  HistoryIds ids_;
  HistoryStaff staff_;
  CaseworkWriter* casework_ = nullptr;
};

void HistoryGenerator::WriteFamily() {
  const std::string family = ids_.family.Next();
  const Day first = rng_.Between(start_, end_);
  Household household = PlanHousehold(rng_, ToDate(first), ToDate(std::min(end_, first + 1095)));
  const std::string area = household.family.area;
  {
    auto line = out_.Begin("family", Nulls());
    line.Text("id", family).Text("area", area);
    line.OptText("postcode", household.family.postcode.empty() || rng_.Percent(4)
                                 ? std::nullopt
                                 : std::optional<std::string_view>(household.family.postcode));
    line.End();
  }
  const std::vector<FamilyMember> members = WriteMembers(family, household);
  if (rng_.Percent(14)) return WriteReferralsOnly(family, members, first);

  Day day = first;
  if (rng_.Percent(10)) {  // known to the front door before, without early help then
    Referral(family, day, PickFrom(rng_, kSources), PickFrom(rng_, kOtherDecisions));
    day += rng_.Between(20, 500);
    if (day > end_) return;
  }
  // A step-down: statutory involvement ends and children's social care refers the family for early help.
  bool step_down = rng_.Percent(7);
  if (step_down) Statutory(family, members, day - rng_.Between(90, 700), day - rng_.Between(0, 30));
  while (ids_.episode.Count() < options_.episodes) {
    const EpisodePlan plan = Episode(family, members, area, day, step_down ? "children_social_care" : "");
    if (plan.SteppedUp() && rng_.Percent(85)) {
      const Day started = *plan.closed + rng_.Between(0, 30);
      if (started <= end_) {
        const Day ended = started + rng_.Between(60, 700);
        Statutory(family, members, started, ended <= end_ ? std::optional<Day>(ended) : std::nullopt);
      }
    }
    // Some families come back: sooner or later, another referral and another episode.
    if (!plan.closed || !rng_.Percent(plan.SteppedUp() ? 15 : 30)) return;
    day = *plan.closed + rng_.Between(14, 900);
    if (day > end_) return;
    step_down = plan.SteppedUp() && rng_.Percent(40);
  }
}

std::vector<FamilyMember> HistoryGenerator::WriteMembers(const std::string& family, Household& household) {
  auto& people = household.people;  // adults first, then children
  if (rng_.Percent(2)) {
    people.resize(1);  // a lone adult: an expectant mother, or a young carer's parent referred alone
  } else if (people.size() < 6 && rng_.Percent(5)) {
    Person lodger = people.front();  // an uncle, aunt or older cousin living with the family
    lodger.role = MemberRole::kOtherAdult;
    lodger.given_name = people.back().given_name == "Alex" ? "Sam" : "Alex";
    lodger.sex = rng_.Percent(50) ? Sex::kFemale : Sex::kMale;
    people.insert(people.begin() + 1, std::move(lodger));
  }
  if (people.size() > 6) people.resize(6);

  std::vector<FamilyMember> members;
  for (Person& person : people) {
    FamilyMember member{ids_.person.Next(), person.role == MemberRole::kChild, std::nullopt};
    if (person.date_of_birth && !rng_.Percent(4)) member.born = ToDay(*person.date_of_birth);
    // Some records say only that the sex is unknown, a few "other"; some do not say at all.
    if (rng_.Percent(2)) person.sex = rng_.Percent(25) ? Sex::kOther : Sex::kUnknown;
    std::optional<std::string_view> sex = ToString(person.sex);
    if (rng_.Percent(4)) sex.reset();
    auto line = out_.Begin("person", Nulls());
    line.Text("id", member.id).Text("family", family).Text("given_name", person.given_name);
    line.Text("family_name", person.family_name).OptDate("date_of_birth", member.born).OptText("sex", sex);
    line.Text("role", ToString(person.role)).End();
    members.push_back(std::move(member));
  }
  return members;
}

void HistoryGenerator::WriteReferralsOnly(const std::string& family, const std::vector<FamilyMember>& members,
                                          Day day) {
  for (int n = rng_.Between(1, 2); n > 0 && day <= end_; --n) {
    const std::string_view decision = PickFrom(rng_, kOtherDecisions);
    Referral(family, day, PickFrom(rng_, kSources), decision);
    if (decision == "statutory" && rng_.Percent(60)) {
      const Day started = std::min(end_, day + rng_.Between(0, 20));
      const Day ended = started + rng_.Between(30, 900);
      Statutory(family, members, started, ended <= end_ ? std::optional<Day>(ended) : std::nullopt);
    }
    day += rng_.Between(30, 600);
  }
}

std::string HistoryGenerator::Referral(const std::string& family, Day received, std::string_view source,
                                       std::string_view decision) {
  std::string id = ids_.referral.Next();
  auto line = out_.Begin("referral", Nulls());
  line.Text("id", id).Text("family", family).Date("received_on", received).Text("source", source);
  if (rng_.Percent(3)) {
    line.Null("reasons");
  } else if (!rng_.Percent(3)) {
    line.BeginArray("reasons");
    const auto& areas = EnumTraits<OutcomeArea>::kNames;
    const std::size_t first = rng_.Below(static_cast<std::uint32_t>(areas.size()));
    // One to three reasons, different from each other.
    for (std::size_t i = 0, n = static_cast<std::size_t>(rng_.Between(1, 3)); i < n; ++i)
      line.Element(areas[(first + i * 3) % areas.size()]);
    line.EndArray();
  }
  line.Text("decision", decision);
  std::optional<bool> consent;
  if (decision == "early_help")
    consent = rng_.Percent(95) ? std::optional<bool>(true) : std::nullopt;
  else if (!rng_.Percent(30))
    consent = rng_.Percent(55);
  line.OptBool("consent_given", consent).End();
  return id;
}

EpisodePlan HistoryGenerator::Episode(const std::string& family, const std::vector<FamilyMember>& members,
                                      std::string_view area, Day received, std::string_view source) {
  const std::string referral =
      Referral(family, received, source.empty() ? PickFrom(rng_, kSources) : source, "early_help");
  EpisodeContext e;
  e.id = ids_.episode.Next();
  e.plan = PlanEpisode(rng_, received, end_);
  e.members = &members;
  e.history_end = end_;
  const EpisodePlan& p = e.plan;
  if (p.Reached(Stage::kAllocated))
    e.ea_officer = staff_.ea_officers[rng_.Below(static_cast<std::uint32_t>(staff_.ea_officers.size()))];
  if (p.Reached(Stage::kBrokerage))
    e.br_officer = staff_.br_officers[rng_.Below(static_cast<std::uint32_t>(staff_.br_officers.size()))];
  if (p.Reached(Stage::kIntervention)) e.team = &TeamForArea(rng_, staff_, area);

  const auto stage = [&p](Stage s) { return p.stages[static_cast<std::size_t>(s)]; };
  const auto text_if = [](bool present, std::string_view text) {
    return present ? std::optional<std::string_view>(text) : std::nullopt;
  };
  auto line = out_.Begin("episode", Nulls());
  line.Text("id", e.id).Text("family", family).Text("referral", referral).Date("opened_on", p.Opened());
  line.OptDate("allocated_assessment_on", stage(Stage::kAllocated));
  line.OptText("ea_officer", text_if(p.Reached(Stage::kAllocated), e.ea_officer));
  line.OptDate("assessment_completed_on", stage(Stage::kAssessed));
  line.OptDate("brokerage_started_on", stage(Stage::kBrokerage));
  line.OptText("br_officer", text_if(p.Reached(Stage::kBrokerage), e.br_officer));
  line.OptDate("plan_completed_on", stage(Stage::kPlanned)).OptDate("panel_on", stage(Stage::kPanel));
  line.OptDate("intervention_started_on", stage(Stage::kIntervention));
  line.OptText("team", text_if(e.team != nullptr, e.team ? std::string_view(e.team->id) : std::string_view()));
  line.OptDate("review_started_on", stage(Stage::kReview)).OptDate("closed_on", p.closed);
  line.OptText("closure_reason", text_if(p.closed.has_value(), p.closure_reason)).End();

  casework_->Write(e);
  return e.plan;
}

void HistoryGenerator::Statutory(const std::string& family, const std::vector<FamilyMember>& members, Day started,
                                 std::optional<Day> ended) {
  std::vector<const FamilyMember*> children;
  for (const auto& m : members)
    if (m.child) children.push_back(&m);
  std::optional<std::string_view> person;
  if (!children.empty() && rng_.Percent(85))
    person = children[rng_.Below(static_cast<std::uint32_t>(children.size()))]->id;
  out_.Begin("statutory", Nulls())
      .Text("id", ids_.statutory.Next())
      .Text("family", family)
      .OptText("person", person)
      .Text("kind", PickFrom(rng_, kStatutoryKinds))
      .Date("started_on", started)
      .OptDate("ended_on", ended)
      .End();
}

}  // namespace
}  // namespace demo

Result<HistorySummary> WriteHistory(std::ostream& out, const HistoryOptions& options,
                                    const std::function<void(long long done, long long total)>& progress) {
  demo::HistoryGenerator generator(out, options);
  if (generator.StartsTooEarly())
    return Error{ErrorCode::kValidation, "history would start before 1960", "demo.export_too_early", {}};
  HistorySummary summary = generator.Run(progress);
  if (!out) return Error{ErrorCode::kValidation, "writing the history failed", "demo.export_unwritable", {}};
  return summary;
}

}  // namespace hearth
