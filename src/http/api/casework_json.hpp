// The JSON shapes of an episode's file and its casework records (field names as INTERCHANGE.md where it has them).
#pragma once
#include <boost/json/object.hpp>

#include "app/casework_service.hpp"

namespace hearth::http {

boost::json::object AssessmentJson(const FamilyAssessment& assessment);
boost::json::object AppraisalJson(const Appraisal& appraisal);
boost::json::object PlanJson(const FamilyPlan& plan);
boost::json::object ActionJson(const PlanAction& action);
boost::json::object ServiceJson(const Service& service);
boost::json::object PractitionerJson(const Practitioner& practitioner);
boost::json::object PanelMeetingJson(const PanelMeeting& meeting);
boost::json::object PanelDecisionJson(const PanelDecision& decision);
// Everything the caller may see of one episode; a partner's file holds only what was shared with them.
boost::json::object EpisodeFileJson(const EpisodeFile& file);

}  // namespace hearth::http
