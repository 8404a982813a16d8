// INTERCHANGE.md's checks over a parsed history (see interchange_check.hpp): line by line first, then the
// references and consistency rules across records. Each problem names the line or record and the rule.
#pragma once
#include <array>

#include "unit/demo/interchange_check.hpp"

namespace hearth::testing {

inline void CheckField(History& h, const std::string& where, const FieldSpec& spec, const boost::json::value& v) {
  const auto problem = [&](const std::string& what) { h.problems.push_back(where + " " + spec.name + ": " + what); };
  switch (spec.kind) {
    case FieldSpec::kId:
    case FieldSpec::kText:
    case FieldSpec::kRef:
      if (!v.is_string() || v.as_string().empty()) problem("not a non-empty string");
      return;
    case FieldSpec::kDate:
      if (!v.is_string() || !Date::Parse(std::string(v.as_string()))) problem("not a date in 1900-2100");
      return;
    case FieldSpec::kBool:
      if (!v.is_bool()) problem("not a boolean");
      return;
    case FieldSpec::kEnum:
      if (!v.is_string() || !Enumerations().at(spec.target).contains(std::string(v.as_string())))
        problem("not in the enumeration");
      return;
    case FieldSpec::kReasons:
      if (!v.is_array()) return problem("not a list");
      for (const auto& r : v.as_array())
        if (!r.is_string() || !Enumerations().at("outcome_area").contains(std::string(r.as_string())))
          problem("bad reason");
      return;
    case FieldSpec::kScores: {
      if (!v.is_object() || v.as_object().size() != 4) return problem("not an object of four scores");
      for (const char* d : {"environment", "adversity", "resilience", "vulnerability"}) {
        const auto* s = v.as_object().if_contains(d);
        if (!s || !s->is_int64() || s->as_int64() < 5 || s->as_int64() > 30) problem(std::string(d) + " not 5-30");
      }
      return;
    }
    case FieldSpec::kAnswers:
      if (!v.is_object()) problem("not an object");
      return;
  }
}

// Reads the text line by line: JSON objects, header first, known types and fields, required fields, value kinds.
inline History ParseHistory(const std::string& text) {
  History h;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string where = "line " + std::to_string(number);
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) {
      h.problems.push_back(where + ": not a JSON object");
      continue;
    }
    const auto& o = v.as_object();
    if (number == 1) {
      if (o != boost::json::parse(R"({"type":"header","format":"hearth-interchange","version":1})").as_object())
        h.problems.push_back("line 1: not the header");
      continue;
    }
    const std::string type = Str(o, "type");
    const auto spec = RecordTypes().find(type);
    if (spec == RecordTypes().end()) {
      h.problems.push_back(where + ": unknown type " + type);
      continue;
    }
    for (const auto& member : o) {
      if (member.key() == "type") continue;
      bool known = false;
      for (const auto& f : spec->second) known = known || f.name == member.key();
      if (!known) h.problems.push_back(where + ": unknown field " + std::string(member.key()));
    }
    for (const auto& f : spec->second) {
      const auto* value = o.if_contains(f.name);
      if (!value || value->is_null()) {
        if (f.required) h.problems.push_back(where + ": missing " + f.name);
        continue;
      }
      CheckField(h, where, f, *value);
    }
    const std::string id = Str(o, "id");
    if (!h.by_id[type].emplace(id, h.records.size()).second)
      h.problems.push_back(where + ": duplicate " + type + " id " + id);
    h.records.push_back(o);
  }
  return h;
}

// References resolve to the right type; the same-family rules.
inline void CheckReferences(History& h) {
  for (const auto& o : h.records) {
    const std::string type = Str(o, "type");
    const std::string where = type + " " + Str(o, "id");
    for (const auto& f : RecordTypes().at(type)) {
      const auto* v = o.if_contains(f.name);
      if (f.kind != FieldSpec::kRef || !v || v->is_null()) continue;
      if (!h.Find(f.target, v)) h.problems.push_back(where + " " + f.name + ": unresolved");
    }
    const auto* episode = h.Find("episode", o.if_contains("episode"));
    if (type == "episode") {
      const auto* referral = h.Find("referral", o.if_contains("referral"));
      if (referral && Str(*referral, "decision") != "early_help")
        h.problems.push_back(where + ": referral not early_help");
      if (referral && Str(*referral, "family") != Str(o, "family"))
        h.problems.push_back(where + ": referral of another family");
      if (referral && DateOf(o, "opened_on") < DateOf(*referral, "received_on"))
        h.problems.push_back(where + ": opened before received");
    }
    if (type == "ace" && episode) {
      const auto* person = h.Find("person", o.if_contains("person"));
      if (person && Str(*person, "family") != Str(*episode, "family"))
        h.problems.push_back(where + ": person of another family");
    }
    if (type == "statutory") {
      const auto* person = h.Find("person", o.if_contains("person"));
      if (person && Str(*person, "family") != Str(o, "family"))
        h.problems.push_back(where + ": person of another family");
    }
  }
}

// Stage order, the fields each stage requires, closure, and the dates of records that belong to an episode.
inline void CheckDates(History& h) {
  static const std::array<const char*, 8> kStages{
      "opened_on", "allocated_assessment_on", "assessment_completed_on", "brokerage_started_on", "plan_completed_on",
      "panel_on",  "intervention_started_on", "review_started_on"};
  for (const auto& o : h.records) {
    const std::string type = Str(o, "type");
    const std::string where = type + " " + Str(o, "id");
    const auto before = [&](const char* a, const char* b) {  // both present: a <= b
      const auto da = DateOf(o, a), db = DateOf(o, b);
      if (da && db && *db < *da) h.problems.push_back(where + ": " + b + " before " + a);
    };
    if (type == "episode") {
      std::optional<Date> previous;
      bool gap = false;
      for (const char* stage : kStages) {
        const auto d = DateOf(o, stage);
        if (d && gap) h.problems.push_back(where + ": " + stage + " without an earlier stage");
        if (d && previous && *d < *previous) h.problems.push_back(where + ": " + stage + " out of order");
        if (d) previous = d;
        gap = gap || !d;
        before(stage, "closed_on");
      }
      if (DateOf(o, "closed_on").has_value() != !Str(o, "closure_reason").empty())
        h.problems.push_back(where + ": closure_reason");
      const auto needs = [&](const char* date, const char* field) {
        if (DateOf(o, date) && Str(o, field).empty()) h.problems.push_back(where + ": " + date + " without " + field);
      };
      needs("allocated_assessment_on", "ea_officer");
      needs("brokerage_started_on", "br_officer");
      needs("intervention_started_on", "team");
    }
    before("from", "to");
    before("requested_on", "completed_on");
    before("started_on", "ended_on");
    const auto* episode = h.Find("episode", o.if_contains("episode"));
    if (!episode) continue;
    const auto opened = DateOf(*episode, "opened_on");
    for (const char* key : {"from", "requested_on", "on", "identified_on"}) {
      const auto d = DateOf(o, key);
      if (d && opened && *d < *opened) h.problems.push_back(where + ": " + key + " before the episode opened");
    }
  }
}

// Every check; an empty `problems` means the history would be accepted.
inline History CheckHistory(const std::string& text) {
  History h = ParseHistory(text);
  CheckReferences(h);
  CheckDates(h);
  return h;
}

}  // namespace hearth::testing
