// The family action plan: its own fields, its SMART objectives and their actions.
#include <unordered_map>

#include "common/date.hpp"
#include "storage/sqlite/casework_rows.hpp"
#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kSelectPlan =
    "SELECT family_words, agreed_on, version FROM family_plans WHERE episode_id = ?1";
// As with the assessment, a first save that loses the race to a colleague's is refused as stale.
constexpr std::string_view kInsertPlan =
    "INSERT INTO family_plans (episode_id, family_words, agreed_on, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, 1, ?4, ?4) ON CONFLICT (episode_id) DO NOTHING";
constexpr std::string_view kUpdatePlan =
    "UPDATE family_plans SET family_words = ?2, agreed_on = ?3, version = version + 1, updated_at = ?4 "
    "WHERE episode_id = ?1 AND version = ?5";

constexpr std::string_view kInsertObjective =
    "INSERT INTO objectives (episode_id, outcome, measure, who, target_on, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kListObjectives =
    "SELECT id, episode_id, outcome, measure, who, target_on FROM objectives WHERE episode_id = ?1 ORDER BY id";

constexpr std::string_view kInsertAction =
    "INSERT INTO actions (episode_id, objective_id, description, service_id, due_on, status, version, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)";
constexpr std::string_view kUpdateAction =
    "UPDATE actions SET description = ?2, service_id = ?3, due_on = ?4, status = ?5, version = version + 1, "
    "updated_at = ?6 WHERE id = ?1 AND version = ?7";
constexpr std::string_view kActionColumns =
    "SELECT id, episode_id, objective_id, description, COALESCE(service_id, 0), due_on, status, version "
    "FROM actions ";
const std::string kSelectAction = std::string(kActionColumns) + "WHERE id = ?1";
const std::string kListActions = std::string(kActionColumns) + "WHERE episode_id = ?1 ORDER BY id";

PlanAction ReadAction(const Statement& st) {
  PlanAction a;
  a.id = st.Int(0);
  a.episode_id = st.Int(1);
  a.objective_id = st.Int(2);
  a.description = st.Text(3);
  a.service_id = st.Int(4);
  a.due_on = ReadDate(st, 5);
  a.status = ParseEnum<ActionStatus>(st.Text(6)).value_or(ActionStatus::kNotStarted);
  a.version = static_cast<int>(st.Int(7));
  return a;
}

std::vector<Objective> ListObjectivesWithActions(Connection& c, RecordId episode_id) {
  std::vector<Objective> objectives;
  std::unordered_map<RecordId, std::size_t> index;
  {
    auto st = c.Prepare(kListObjectives);
    st.Bind(1, episode_id);
    while (st.Step()) {
      Objective o;
      o.id = st.Int(0);
      o.episode_id = st.Int(1);
      o.outcome = st.Text(2);
      o.measure = st.Text(3);
      o.who = st.Text(4);
      o.target_on = ReadRequiredDate(st, 5);
      index.emplace(o.id, objectives.size());
      objectives.push_back(std::move(o));
    }
  }
  // All the episode's actions in one query, handed to their objectives.
  auto st = c.Prepare(kListActions);
  st.Bind(1, episode_id);
  while (st.Step()) {
    PlanAction a = ReadAction(st);
    if (auto it = index.find(a.objective_id); it != index.end()) objectives[it->second].actions.push_back(std::move(a));
  }
  return objectives;
}
}  // namespace

std::optional<FamilyPlan> SqliteCasework::FindPlan(RecordId episode_id) {
  FamilyPlan plan;
  plan.episode_id = episode_id;
  bool saved = false;
  {
    auto st = c_.Prepare(kSelectPlan);
    st.Bind(1, episode_id);
    if (st.Step()) {
      saved = true;
      plan.family_words = st.Text(0);
      plan.agreed_on = ReadDate(st, 1);
      plan.version = static_cast<int>(st.Int(2));
    }
  }
  plan.objectives = ListObjectivesWithActions(c_, episode_id);
  // Objectives written before the plan's own fields were first saved still make a plan (at version 0).
  if (!saved && plan.objectives.empty()) return std::nullopt;
  if (saved) plan.child_views = ListChildViews(c_, episode_id, kPlanContext);
  return plan;
}

bool SqliteCasework::SavePlan(const FamilyPlan& plan) {
  const std::string now = UtcTimestampNow();
  {
    auto st = c_.Prepare(plan.version == 0 ? kInsertPlan : kUpdatePlan);
    st.Bind(1, plan.episode_id).Bind(2, plan.family_words);
    BindDate(st, 3, plan.agreed_on);
    st.Bind(4, now);
    if (plan.version != 0) st.Bind(5, plan.version);
    st.Run();
  }
  if (c_.Changes() != 1) return false;
  ReplaceChildViews(c_, plan.episode_id, kPlanContext, plan.child_views);
  return true;
}

RecordId SqliteCasework::InsertObjective(const Objective& o) {
  c_.Prepare(kInsertObjective)
      .Bind(1, o.episode_id)
      .Bind(2, o.outcome)
      .Bind(3, o.measure)
      .Bind(4, o.who)
      .Bind(5, o.target_on.ToString())
      .Bind(6, UtcTimestampNow())
      .Run();
  return c_.LastInsertId();
}

RecordId SqliteCasework::InsertAction(const PlanAction& a) {
  auto st = c_.Prepare(kInsertAction);
  st.Bind(1, a.episode_id).Bind(2, a.objective_id).Bind(3, a.description);
  BindId(st, 4, a.service_id);
  BindDate(st, 5, a.due_on);
  st.Bind(6, ToString(a.status)).Bind(7, UtcTimestampNow());
  st.Run();
  return c_.LastInsertId();
}

std::optional<PlanAction> SqliteCasework::FindAction(RecordId id) {
  auto st = c_.Prepare(kSelectAction);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadAction(st);
}

bool SqliteCasework::UpdateAction(const PlanAction& a) {
  auto st = c_.Prepare(kUpdateAction);
  st.Bind(1, a.id).Bind(2, a.description);
  BindId(st, 3, a.service_id);
  BindDate(st, 4, a.due_on);
  st.Bind(5, ToString(a.status)).Bind(6, UtcTimestampNow()).Bind(7, a.version);
  st.Run();
  return c_.Changes() == 1;
}

}  // namespace hearth::sqlite
