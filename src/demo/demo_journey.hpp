// How far a demo episode has got by today, and the casework on the way: allocation, assessment, appraisals,
// the plan with objectives and actions, the panel, contacts, TAF meetings, a change of worker now and then, review
// and closure. Durations are realistic: most stages within their timescale, some late, some families disengage,
// a few are stepped up to statutory care.
#pragma once
#include <map>
#include <vector>

#include "demo/demo_random.hpp"
#include "domain/instrument.hpp"
#include "ports/database.hpp"

namespace hearth::demo {

struct Worker {
  RecordId id = 0;
  RecordId team_id = 0;
};

struct JourneyStaff {
  std::vector<RecordId> ea_officers;
  std::vector<RecordId> br_officers;
  std::vector<Worker> workers;  // intervention workers and family aides, with their teams
  std::vector<RecordId> services;
  std::vector<RecordId> practitioners;  // the lead professionals TAF meetings choose from
  // The weekly panel's meetings, by date, created as the first decision of each date is written.
  std::map<Date, RecordId> panel_meetings;
  // Issue 4's outcome records (demo_outcomes): who records oversight and audits, the forms assessments are made
  // with (none: no assessments), and the seed of each episode's own stream.
  std::vector<RecordId> managers;
  std::vector<RecordId> auditors;
  const Instrument* resilience = nullptr;
  const Instrument* young_person = nullptr;
  unsigned outcome_seed = 0;
};

// `episode` has been planned as opened (awaiting allocation) and not yet inserted; this moves it as far as `today`
// allows, inserts it and everything recorded on it. Returns whether it was closed.
bool WriteJourney(UnitOfWork& uow, DemoRandom& rng, JourneyStaff& staff, Episode episode,
                  const Referral& referral, const std::vector<Person>& members, const Date& today);

}  // namespace hearth::demo
