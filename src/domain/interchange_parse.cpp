#include "domain/interchange_parse.hpp"

#include <algorithm>
#include <array>

#include "common/date.hpp"

namespace hearth::interchange {
namespace {
using namespace std::string_view_literals;
namespace json = boost::json;

constexpr std::array kScoreDomains{"environment"sv, "adversity"sv, "resilience"sv, "vulnerability"sv};
constexpr std::array kSatisfaction{"very_happy"sv, "happy"sv, "neither"sv, "unhappy"sv, "very_unhappy"sv};

bool Blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

template <class Values>
bool OneOf(const Values& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

struct FieldChecker {
  std::uint32_t line;
  std::vector<LineError>& errors;

  void Add(std::string field, const char* key) { errors.push_back({line, std::move(field), key, 0}); }

  void Check(const FieldSpec& f, const json::value& v) {
    switch (f.kind) {
      case FieldKind::kId:
      case FieldKind::kRef:
      case FieldKind::kText:
        if (!v.is_string()) return Add(std::string(f.name), "interchange.error.not_text");
        if ((f.required || f.kind != FieldKind::kText) && Blank(v.get_string()))
          Add(std::string(f.name), "interchange.error.empty");
        return;
      case FieldKind::kDate:
        if (!v.is_string() || !DayNumber(v.get_string())) Add(std::string(f.name), "interchange.error.not_date");
        return;
      case FieldKind::kEnum:
        if (!v.is_string() || !OneOf(f.values, v.get_string()))
          Add(std::string(f.name), "interchange.error.not_in_list");
        return;
      case FieldKind::kBool:
        if (!v.is_bool()) Add(std::string(f.name), "interchange.error.not_bool");
        return;
      case FieldKind::kReasons:
        return CheckReasons(f, v);
      case FieldKind::kScores:
        return CheckScores(f, v);
      case FieldKind::kAnswers:
        if (!v.is_object()) Add(std::string(f.name), "interchange.error.not_object");
        return;
    }
  }

  void CheckReasons(const FieldSpec& f, const json::value& v) {
    if (!v.is_array()) return Add(std::string(f.name), "interchange.error.not_list");
    for (const auto& item : v.get_array())
      if (!item.is_string() || !OneOf(f.values, item.get_string()))
        return Add(std::string(f.name), "interchange.error.not_in_list");
  }

  void CheckScores(const FieldSpec& f, const json::value& v) {
    const std::string prefix = std::string(f.name) + ".";
    if (!v.is_object()) return Add(std::string(f.name), "interchange.error.not_object");
    const auto& scores = v.get_object();
    for (const auto& member : scores)
      if (!OneOf(kScoreDomains, member.key()))
        Add(prefix + std::string(member.key()), "interchange.error.unknown_field");
    for (auto domain : kScoreDomains) {
      const auto* score = scores.if_contains(domain);
      if (!score || score->is_null()) {
        Add(prefix + std::string(domain), "interchange.error.required");
        continue;
      }
      if (!score->is_int64() && !score->is_uint64()) {
        Add(prefix + std::string(domain), "interchange.error.not_integer");
        continue;
      }
      const auto n = score->is_int64() ? score->get_int64()
                                       : static_cast<std::int64_t>(std::min<std::uint64_t>(score->get_uint64(), 1000));
      if (n < 5 || n > 30) Add(prefix + std::string(domain), "interchange.error.score_range");
    }
  }

  // A service user form holds the family's satisfaction; other forms' answers are free.
  void CheckFeedbackAnswers(const json::object& record) {
    const auto* form = record.if_contains("form");
    const auto* answers = record.if_contains("answers");
    if (!form || !form->is_string() || form->get_string() != "service_user") return;
    if (!answers || !answers->is_object()) return;
    const auto* s = answers->get_object().if_contains("satisfaction");
    if (!s || s->is_null()) return Add("answers.satisfaction", "interchange.error.required");
    if (!s->is_string() || !OneOf(kSatisfaction, s->get_string()))
      Add("answers.satisfaction", "interchange.error.not_in_list");
  }
};

void CheckHeader(const json::object& o, std::uint32_t line, std::vector<LineError>& errors) {
  for (const auto& member : o)
    if (member.key() != "type" && member.key() != "format" && member.key() != "version")
      errors.push_back({line, std::string(member.key()), "interchange.error.unknown_field", 0});
  const auto* format = o.if_contains("format");
  if (!format || !format->is_string() || format->get_string() != "hearth-interchange")
    errors.push_back({line, "format", "interchange.error.header_format", 0});
  const auto* version = o.if_contains("version");
  if (!version ||
      !((version->is_int64() && version->get_int64() == 1) || (version->is_uint64() && version->get_uint64() == 1)))
    errors.push_back({line, "version", "interchange.error.header_version", 0});
}

}  // namespace

std::optional<std::int32_t> DayNumber(std::string_view text) {
  auto d = Date::Parse(text);
  if (!d) return std::nullopt;
  return static_cast<std::int32_t>(d->Days().time_since_epoch().count());
}

ParsedLine LineParser::Parse(std::string_view text, std::uint32_t line, bool header_allowed,
                             std::vector<LineError>& errors) {
  if (Blank(text)) return {};
  value_.reset();  // the last line's value goes before its memory is reused
  memory_.emplace(buffer_.data(), buffer_.size());
  return ParseInto(text, line, header_allowed, errors, boost::json::storage_ptr(&*memory_), value_);
}

ParsedLine LineParser::ParseInto(std::string_view text, std::uint32_t line, bool header_allowed,
                                 std::vector<LineError>& errors, boost::json::storage_ptr storage,
                                 std::optional<boost::json::value>& out) {
  if (Blank(text)) return {};
  boost::system::error_code ec;
  parser_.reset(std::move(storage));
  parser_.write(text.data(), text.size(), ec);
  if (!ec) parser_.finish(ec);
  if (ec || !parser_.done()) {
    errors.push_back({line, "", "interchange.error.not_json", 0});
    ParsedLine out_line;
    out_line.kind = ParsedLine::Kind::kInvalid;
    return out_line;
  }
  out.emplace(parser_.release());  // constructed, not assigned: the value keeps the memory it was parsed into
  return Examine(*out, line, header_allowed, errors);
}

ParsedLine LineParser::Examine(const json::value& value, std::uint32_t line, bool header_allowed,
                               std::vector<LineError>& errors) {
  ParsedLine out;
  out.kind = ParsedLine::Kind::kInvalid;
  if (!value.is_object()) {
    errors.push_back({line, "", "interchange.error.not_json", 0});
    return out;
  }
  const auto& o = value.get_object();
  const auto* type = o.if_contains("type");
  if (!type || type->is_null()) {
    errors.push_back({line, "type", "interchange.error.required", 0});
    return out;
  }
  if (!type->is_string()) {
    errors.push_back({line, "type", "interchange.error.unknown_type", 0});
    return out;
  }
  if (type->get_string() == "header") {
    if (!header_allowed) {
      errors.push_back({line, "type", "interchange.error.header_not_first", 0});
      return out;
    }
    const auto before = errors.size();
    CheckHeader(o, line, errors);
    if (errors.size() == before) out.kind = ParsedLine::Kind::kHeader;
    return out;
  }
  auto record_type = TypeNamed(type->get_string());
  if (!record_type) {
    errors.push_back({line, "type", "interchange.error.unknown_type", 0});
    return out;
  }
  const auto before = errors.size();
  CheckFields(*record_type, o, line, errors);
  out.type = *record_type;
  out.record = &o;
  if (errors.size() == before) out.kind = ParsedLine::Kind::kRecord;
  return out;
}

void CheckFields(RecordType type, const json::object& record, std::uint32_t line, std::vector<LineError>& errors) {
  const auto& spec = Spec(type);
  FieldChecker checker{line, errors};
  for (const auto& member : record)
    if (member.key() != "type" && !spec.FieldIndex(member.key()))
      checker.Add(std::string(member.key()), "interchange.error.unknown_field");
  for (const auto& f : spec.fields) {
    const auto* v = record.if_contains(f.name);
    if (!v || v->is_null()) {
      if (f.required) checker.Add(std::string(f.name), "interchange.error.required");
      continue;
    }
    checker.Check(f, *v);
  }
  if (type == RecordType::kFeedback) checker.CheckFeedbackAnswers(record);
}

std::string_view TextOf(const json::object& record, std::string_view field) {
  const auto* v = record.if_contains(field);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

std::optional<std::int32_t> DayOf(const json::object& record, std::string_view field) {
  const auto* v = record.if_contains(field);
  if (!v || !v->is_string()) return std::nullopt;
  return DayNumber(v->get_string());
}

json::object Canonical(const json::object& record) {
  json::object out;
  for (const auto& member : record) {
    const auto& v = member.value();
    if (v.is_null() || (v.is_string() && v.get_string().empty()) || (v.is_array() && v.get_array().empty())) continue;
    out.emplace(member.key(), v);
  }
  return out;
}

}  // namespace hearth::interchange
