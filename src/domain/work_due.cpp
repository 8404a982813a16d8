#include "domain/work_due.hpp"

#include <algorithm>

namespace hearth {
namespace {

std::optional<Date> FromDate(const std::string& name, const Episode& e, const DueFacts& f) {
  if (name == "received_on") return f.referral_received_on;
  if (name == "opened_on") return e.opened_on;
  if (name == "allocated_assessment_on") return e.allocated_assessment_on;
  if (name == "assessment_completed_on") return e.assessment_completed_on;
  if (name == "brokerage_started_on") return e.brokerage_started_on;
  if (name == "plan_completed_on") return e.plan_completed_on;
  if (name == "panel_on") return e.panel_on;
  if (name == "intervention_started_on") return e.intervention_started_on;
  if (name == "review_started_on") return e.review_started_on;
  if (name == "taf_meeting_on") return f.last_taf_on;
  return std::nullopt;
}

DueStatus StatusOf(const Date& due, const Date& today, const WorkingCalendar& calendar) {
  if (today > due) return DueStatus::kOverdue;
  if (due <= calendar.AddWorkingDays(today, kDueSoonWorkingDays)) return DueStatus::kDueSoon;
  return DueStatus::kUpcoming;
}

}  // namespace

std::vector<DueItem> DueItems(const Episode& e, const DueFacts& f, const Timescales& t, const WorkingCalendar& calendar,
                              const Date& today) {
  std::vector<DueItem> out;
  if (!e.IsOpen()) return out;
  auto add = [&](const Timescale& ts, const std::string& what) {
    const auto from = FromDate(ts.from, e, f);
    if (!from) return;
    const Date due = DueDate(ts, *from, calendar);
    out.push_back({what, due, StatusOf(due, today, calendar)});
  };
  switch (e.stage) {
    case EpisodeStage::kAwaitingAllocation:
    case EpisodeStage::kAssessment:
      add(t.assessment, "assessment");
      break;
    case EpisodeStage::kBrokerage:
      add(t.plan, "plan");
      break;
    case EpisodeStage::kPanel:
      break;
    case EpisodeStage::kIntervention:
      add(t.review, "review");
      add(t.intervention, "intervention");
      break;
    case EpisodeStage::kReview:
      add(t.intervention, "intervention");
      break;
    case EpisodeStage::kClosed:
      break;
  }
  const bool intervening = e.stage == EpisodeStage::kIntervention || e.stage == EpisodeStage::kReview;
  if (intervening && f.last_taf_on) {
    if (f.next_taf_on)
      out.push_back({"taf_meeting", *f.next_taf_on, StatusOf(*f.next_taf_on, today, calendar)});
    else
      add(t.taf_meeting_latest, "taf_meeting");
  }
  std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) { return a.due_on < b.due_on; });
  return out;
}

DueFacts DueFactsFrom(const Date& referral_received_on, const std::vector<TafMeeting>& meetings) {
  DueFacts facts{referral_received_on, std::nullopt, std::nullopt};
  // The same meeting the work list's query picks: the latest date, and of two on one day the later recorded.
  const TafMeeting* latest = nullptr;
  for (const auto& m : meetings)
    if (!latest || m.on > latest->on || (m.on == latest->on && m.id > latest->id)) latest = &m;
  if (latest) {
    facts.last_taf_on = latest->on;
    facts.next_taf_on = latest->next_meeting_on;
  }
  return facts;
}

}  // namespace hearth
