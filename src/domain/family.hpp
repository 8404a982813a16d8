// A family is a household: the people in it, their relationships and where they live.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "domain/enums.hpp"

namespace hearth {

using RecordId = std::int64_t;

struct Family {
  RecordId id = 0;
  std::string area;  // locality the service organises by, e.g. "West"
  std::string address_line_1;
  std::string address_line_2;
  std::string town;
  std::string postcode;  // normalised ("CF37 1DL"), or empty when not known
  int version = 0;       // optimistic concurrency: an edit names the version it started from
};

struct Person {
  RecordId id = 0;
  RecordId family_id = 0;
  std::string given_name;
  std::string family_name;
  std::optional<Date> date_of_birth;
  Sex sex = Sex::kUnknown;
  MemberRole role = MemberRole::kChild;
  int version = 0;

  std::string FullName() const { return given_name + " " + family_name; }
};

// "from is <kind> to": e.g. from = mother, kind = parent_of, to = child.
struct Relationship {
  RecordId id = 0;
  RecordId family_id = 0;
  RecordId from_person_id = 0;
  RecordId to_person_id = 0;
  RelationshipKind kind = RelationshipKind::kOther;
};

}  // namespace hearth
