// The casework steps as pages: each declares its form fields, the values it starts from, the version it edits and
// the use case it calls. casework_pages.cpp serves them all the same way (GET shows the form, POST saves and goes
// back to the episode, or shows the form again with the errors).
#pragma once
#include <string>
#include <vector>

#include "app/casework_service.hpp"
#include "http/pages/step_form.hpp"
#include "http/routes.hpp"

namespace hearth::http {

struct StepContext {
  const RequestContext& ctx;
  RouteDeps deps;
  const EpisodeFile& file;
  // A save that has not read the episode's file (`file` holds only the episode's id): the fields are wanted for
  // their names and kinds only, so the choices that would need reading (workers, teams, meetings, practitioners)
  // are left out.
  bool lean = false;
};

struct CaseworkStep {
  std::string path;      // under /episodes/{id}/, may hold {objective_id} or {action_id}
  std::string key;       // catalogue keys casework.step.<key>.title / .button and casework.done.<key>
  Capability capability;  // the route's policy
  std::vector<FormField> (*fields)(const StepContext&);
  // What the form starts from: the stored record's values ("their version" after a stale save).
  Input (*stored)(const StepContext&);
  // The version the form edits, or -1 when the step edits no versioned record.
  int (*version)(const StepContext&);
  // Runs the use case; the Input has the date boxes already combined.
  Result<void> (*submit)(const StepContext&, const Input& in, int version);
  // The save needs the episode's file (e.g. to find the action it edits on this episode); most steps save from
  // the episode id and the form alone.
  bool submit_needs_file = false;
};

const std::vector<CaseworkStep>& CaseworkSteps();
// Whether the step edits a versioned record, so its form carries the version it was opened at.
bool EditsVersionedRecord(const CaseworkStep& step);

}  // namespace hearth::http
