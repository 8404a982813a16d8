// The Supporting Families claim list as CSV (RFC 4180, CRLF): one row per closed episode of the period, the three
// lists in turn. Status and reason are the rule's codes (docs/supporting_families.md lists them).
#pragma once
#include <string>
#include <vector>

#include "app/supporting_families_service.hpp"

namespace hearth {

std::string_view ClaimStatusName(ClaimStatus status);  // meets, will_meet, cannot
std::string SupportingFamiliesCsv(const std::vector<ClaimRow>& rows);

}  // namespace hearth
