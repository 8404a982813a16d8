// Turning submitted input into valid casework records (casework.hpp) and stage steps, for pages and API alike.
// Field names are those the forms and the JSON API use; dates of things that happened may not be in the future.
#pragma once
#include "common/error.hpp"
#include "domain/casework.hpp"
#include "domain/input.hpp"

namespace hearth {

// need.<outcome_area> (any of the ten), strengths, family_wants, child_view.<person id>: all optional while the
// assessment is worked on.
Result<FamilyAssessment> AssessmentFromInput(const Input& in);
// kind* (an agency), question*, due_on* (on or after today), requested_on (default today, not in the future).
Result<Appraisal> AppraisalRequestFromInput(const Input& in, const Date& today);
// recommendations*, commitments, completed_on (default today, not in the future).
Result<Appraisal> AppraisalAnswerFromInput(const Input& in, const Date& today);
// family_words, agreed_on (not in the future), child_view.<person id>.
Result<FamilyPlan> PlanFromInput(const Input& in, const Date& today);
// outcome*, measure*, who*, target_on*.
Result<Objective> ObjectiveFromInput(const Input& in);
// description*, service_id ("family" or empty: the family itself), due_on, status (default not_started).
Result<PlanAction> ActionFromInput(const Input& in);
// on* (not in the future), kind*, children_seen (person ids), seen, note.
Result<Contact> ContactFromInput(const Input& in, const Date& today);
// on* (not in the future), attendees*, agencies, lead_practitioner_id* (the practitioner directory; the use case
// checks it exists), decisions, next_meeting_on (after `on`).
Result<TafMeeting> TafMeetingFromInput(const Input& in, const Date& today);
// on* (not in the future), next_steps*.
Result<PlanReview> PlanReviewFromInput(const Input& in, const Date& today);
// kind*, person_id, started_on* (not in the future), ended_on (on or after started_on).
Result<StatutoryInvolvement> StatutoryFromInput(const Input& in, const Date& today);

// The date a stage step happened: field `on` (or `field`), not in the future, required.
Result<Date> StepDate(const Input& in, const Date& today, const std::string& field = "on");

}  // namespace hearth
