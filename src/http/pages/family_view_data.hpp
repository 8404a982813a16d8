// Turning a family's records into template data for the family pages: dates as people write them, labels from
// the vocabulary, and the small tables of the family page. No storage and no requests here: pure shaping.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/family_service.hpp"
#include "common/messages.hpp"
#include "http/views.hpp"

namespace hearth::http {

// "14 March 2015", month names from the catalogue (families.month_N) so that another language can name them.
std::string FormatDate(const Date& date, const MessageCatalogue& messages);
// Percent-encodes a query parameter value.
std::string UrlEncode(std::string_view text);

// The <h1> of a family: "Family of Sam Jones and Lily Jones" (adults first), else "Household at <postcode>".
std::string FamilyHeading(const Family& family, const std::vector<Person>& members, const MessageCatalogue& messages);
// The members with adults first and children eldest first, the order a worker reads a household in.
std::vector<Person> OrderedMembers(std::vector<Person> members);

// The household summary list: area, address lines, postcode.
mustache::data HouseholdData(const Family& family, const MessageCatalogue& messages);
mustache::data MemberRows(const std::vector<Person>& members, const MessageCatalogue& messages, const Date& today);
mustache::data RelationshipRows(const FamilyView& view, const MessageCatalogue& messages);
mustache::data ReferralRows(const std::vector<Referral>& referrals, const MessageCatalogue& messages);
// `overdue`: the episodes with work past its timescale, marked on the page.
mustache::data EpisodeRows(const std::vector<Episode>& episodes, const MessageCatalogue& messages,
                           const std::set<RecordId>& overdue = {});
mustache::data ChronologyItems(const std::vector<ChronologyEntry>& entries, const MessageCatalogue& messages);
// <option>s naming each member, `selected` (a person id) marked.
mustache::data MemberOptions(const std::vector<Person>& members, std::string_view selected);

}  // namespace hearth::http
