// The rules that move an episode through the stages of DESIGN.md §2. A stage is entered only from the one before
// it, and the stage dates keep INTERCHANGE.md's order; each step returns the changed episode or an error that
// names what is wrong, leaving the caller's episode untouched (so a refused step changes nothing).
#pragma once
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/referral.hpp"

namespace hearth {

// Every breach of INTERCHANGE.md's consistency rules for one episode's stage dates, named by field: each date
// present requires all earlier ones and is on or after them; closed_on is on or after every date present;
// closure_reason is present exactly when closed_on is; officers and team accompany their dates.
std::vector<FieldError> StageDateErrors(const Episode& episode);

// awaiting_allocation → assessment: an E&A officer is allocated on `on`.
Result<Episode> AllocateForAssessment(Episode episode, RecordId ea_officer_id, const Date& on);
// assessment → brokerage: the whole-family assessment was completed on `on`.
Result<Episode> CompleteAssessment(Episode episode, const Date& on);
// Within brokerage: a B&R officer takes the family on `on` (brokerage starts).
Result<Episode> AllocateForBrokerage(Episode episode, RecordId br_officer_id, const Date& on);
// brokerage → panel: the family action plan was completed on `on` (brokerage must have started).
Result<Episode> CompletePlan(Episode episode, const Date& on);
// panel → intervention: the panel on `panel_on` allocated a team and worker; the intervention starts `start_on`.
Result<Episode> PanelAllocate(Episode episode, const Date& panel_on, RecordId team_id, RecordId worker_id,
                              const Date& start_on);
// panel → brokerage: the panel sent the plan back; the plan is no longer complete.
Result<Episode> PanelSendBack(Episode episode, const Date& panel_on);
// intervention → review: the plan review started on `on`.
Result<Episode> StartReview(Episode episode, const Date& on);
// any open stage → closed. A stepped-up closure is recorded with the statutory involvement that follows it
// (the caller records that; see StatutoryInvolvement).
Result<Episode> CloseEpisode(Episode episode, const Date& on, ClosureReason reason, std::string summary,
                             std::string exit_plan);

// The error every out-of-order step gives: 409, naming the stage the episode is in.
Error StageOrderError(EpisodeStage actual);

}  // namespace hearth
