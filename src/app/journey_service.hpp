// Moving an episode through its stages (DESIGN.md §2): allocation, assessment, brokerage, plan, panel,
// intervention, review, closure. Each step checks who may take it, that the caller edited the stored version
// (optimistic locking), the stage order and the dates (domain/journey.hpp); a refused step changes nothing and a
// refusal of access is audited. Steps take the submitted fields as Input so pages and the API share them.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "app/audit_sink.hpp"
#include "app/episode_access.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "ports/database.hpp"

namespace hearth {

class JourneyService {
 public:
  explicit JourneyService(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}

  // ea_officer_id*, on (default today). Managers and front-door coordinators.
  Result<Episode> AllocateForAssessment(const Principal& who, RecordId episode_id, const Input& in, int version);
  // on (default today); the whole-family assessment must have been saved with something in it.
  Result<Episode> CompleteAssessment(const Principal& who, RecordId episode_id, const Input& in, int version);
  // br_officer_id*, on (default today). Managers and front-door coordinators; the E&A officer hands over.
  Result<Episode> AllocateForBrokerage(const Principal& who, RecordId episode_id, const Input& in, int version);
  // on (default today); the plan needs the date the family agreed it and objectives each with an action.
  Result<Episode> CompletePlan(const Principal& who, RecordId episode_id, const Input& in, int version);
  // outcome* (allocate|send_back), meeting_id* (a panel meeting held on or before today; the decision takes its
  // date, and panel_on, if sent, must be that date); allocate: team_id*, worker_id*, intervention_started_on
  // (default the meeting's date); send_back: reasons*.
  Result<Episode> PanelDecide(const Principal& who, RecordId episode_id, const Input& in, int version);
  // worker_id*, on (default today), reason*: a new intervention worker; the change is kept with its reason.
  Result<Episode> ChangeWorker(const Principal& who, RecordId episode_id, const Input& in, int version);
  // on (default today), next_steps*.
  Result<Episode> StartReview(const Principal& who, RecordId episode_id, const Input& in, int version);
  // on (default today), closure_reason*, closure_summary*, exit_plan (required when outcomes were met);
  // stepped_up also needs statutory_kind*, statutory_started_on* and optionally statutory_person_id.
  Result<Episode> Close(const Principal& who, RecordId episode_id, const Input& in, int version);

  // Active users who can be allocated work (officers, workers, aides), with their teams: the choices of the
  // allocation and panel forms. `role` narrows the list when given.
  Result<std::vector<User>> Workers(const Principal& who, std::optional<Role> role);
  Result<std::vector<Team>> Teams(const Principal& who);

  // Open episodes whose plans are complete, oldest first: the allocation panel's list.
  Result<std::vector<Episode>> PanelList(const Principal& who);

 private:
  template <class Step>
  Result<Episode> Take(const Principal& who, RecordId episode_id, int version, EpisodeNeed need, std::string_view action,
                       Step&& step);

  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
