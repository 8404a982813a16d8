// The JSON shapes of the API's records. Enumerations are written by their INTERCHANGE names, dates as
// "YYYY-MM-DD" or null, ids and versions as integers; a record's family is named by its id.
#pragma once
#include <boost/json/object.hpp>

#include "app/family_service.hpp"
#include "app/referral_service.hpp"

namespace hearth::http {

boost::json::object FamilyJson(const Family& family);
boost::json::object FamilySummaryJson(const FamilySummary& summary);
boost::json::object PersonJson(const Person& person);
boost::json::object RelationshipJson(const Relationship& relationship);
boost::json::object ReferralJson(const Referral& referral);
boost::json::object EpisodeJson(const Episode& episode);
boost::json::object PossibleMatchJson(const PossibleMatch& match);

// {"family", "members", "relationships", "referrals", "episodes"}: the whole record, as GET returns it.
boost::json::object FamilyViewJson(const FamilyView& view);

}  // namespace hearth::http
