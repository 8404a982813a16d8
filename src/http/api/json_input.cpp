#include "http/api/json_input.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/throw_exception.hpp>
#include <cctype>
#include <set>
#include <stdexcept>

#include "http/responses.hpp"

namespace hearth::http {
namespace json = boost::json;

namespace {

// A first pass over the body that only looks for a key appearing twice in one object. boost::json::parse
// keeps the last of the duplicates silently; a strict API refuses the body instead, since a proxy or client
// library could have acted on the first.
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);

  bool duplicate = false;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t, json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    keys_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, json::error_code&) {
    keys_.pop_back();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    key_.append(s.data(), s.size());
    const bool fresh = keys_.back().insert(std::move(key_)).second;
    key_.clear();
    if (fresh) return true;
    duplicate = true;
    ec = json::error::syntax;
    return false;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, json::error_code&) { return true; }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return true; }
  bool on_double(double, json::string_view, json::error_code&) { return true; }
  bool on_bool(bool, json::error_code&) { return true; }
  bool on_null(json::error_code&) { return true; }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  std::vector<std::set<std::string>> keys_;
  std::string key_;
};

BodyProblem Bad(std::string code, std::string message_key, std::string field = "") {
  return BodyProblem{bhttp::status::bad_request, std::move(code), std::move(message_key), std::move(field), {}};
}

// Walks one object; 400-class problems end the walk at once, 422-class ones are gathered in `fields`.
class SchemaWalker {
 public:
  std::optional<BodyProblem> Walk(const json::object& object, const JsonSchema& schema, const std::string& prefix) {
    for (const auto& [key, value] : object) {
      const std::string name = prefix + std::string(key);
      const JsonMember* member = schema.Find(key);
      if (member == nullptr) return Bad("unknown_field", "error.json_unknown_field", name);
      if (value.is_null()) continue;  // null is "not given"
      if (auto problem = Member(*member, value, name)) return problem;
    }
    for (const auto& member : schema.members) {
      if (!member.required) continue;
      const auto* value = object.if_contains(member.name);
      if (value == nullptr || value->is_null()) fields_.push_back({prefix + member.name, "error.required"});
    }
    return std::nullopt;
  }

  std::vector<FieldError> TakeFields() { return std::move(fields_); }

 private:
  std::optional<BodyProblem> WrongType(const std::string& name) {
    return Bad("wrong_type", "error.json_wrong_type", name);
  }

  std::optional<BodyProblem> Member(const JsonMember& member, const json::value& value, const std::string& name) {
    switch (member.type) {
      case JsonType::kString:
        if (!value.is_string()) return WrongType(name);
        CheckLength(member, value.get_string(), name);
        return std::nullopt;
      case JsonType::kBool:
        if (!value.is_bool()) return WrongType(name);
        return std::nullopt;
      case JsonType::kInteger:
        return Integer(member, value, name);
      case JsonType::kObject:
        if (!value.is_object()) return WrongType(name);
        return Walk(value.get_object(), *member.schema, name + ".");
      case JsonType::kStringArray:
      case JsonType::kIntegerArray:
      case JsonType::kObjectArray:
        return Array(member, value, name);
    }
    return WrongType(name);
  }

  std::optional<BodyProblem> Integer(const JsonMember& member, const json::value& value, const std::string& name) {
    // 3.0 and "3" are refused: an id is an integer, and a float could have lost digits on the way.
    // Above the int64 range a number parses as uint64: out of every range we accept.
    if (value.is_uint64()) {
      fields_.push_back({name, "api_error.integer_range"});
    } else if (!value.is_int64()) {
      return WrongType(name);
    } else if (value.get_int64() < member.min || value.get_int64() > member.max) {
      fields_.push_back({name, "api_error.integer_range"});
    }
    return std::nullopt;
  }

  std::optional<BodyProblem> Array(const JsonMember& member, const json::value& value, const std::string& name) {
    if (!value.is_array()) return WrongType(name);
    const json::array& items = value.get_array();
    if (items.size() > member.max_items) {
      fields_.push_back({name, "api_error.too_many_items"});
      return std::nullopt;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_name = name + "[" + std::to_string(i) + "]";
      if (member.type == JsonType::kStringArray) {
        if (!items[i].is_string()) return WrongType(item_name);
        CheckLength(member, items[i].get_string(), name);
      } else if (member.type == JsonType::kIntegerArray) {
        if (auto problem = Integer(member, items[i], item_name)) return problem;
      } else {
        if (!items[i].is_object()) return WrongType(item_name);
        if (auto problem = Walk(items[i].get_object(), *member.schema, item_name + ".")) return problem;
      }
    }
    return std::nullopt;
  }

  void CheckLength(const JsonMember& member, const json::string& s, const std::string& name) {
    if (s.size() > member.max_length) fields_.push_back({name, "error.too_long"});
  }

  std::vector<FieldError> fields_;
};

}  // namespace

void throw_exception_from_error(const BodyProblem& problem, const boost::source_location& loc) {
  boost::throw_exception(std::runtime_error("unusable request body: " + problem.code), loc);
}

const JsonMember* JsonSchema::Find(std::string_view name) const {
  for (const auto& m : members)
    if (m.name == name) return &m;
  return nullptr;
}

std::optional<BodyProblem> CheckJsonContentType(const RawRequest& request) {
  auto it = request.find(bhttp::field::content_type);
  std::string type = it == request.end() ? std::string() : std::string(it->value());
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::erase(type, ' ');
  std::erase(type, '\t');
  if (type == "application/json" || type == "application/json;charset=utf-8" ||
      type == "application/json;charset=\"utf-8\"")
    return std::nullopt;
  return BodyProblem{bhttp::status::unsupported_media_type, "unsupported_media_type", "error.not_json", "", {}};
}

BodyResult<json::object> ParseJsonObject(std::string_view text) {
  json::error_code ec;
  {
    json::basic_parser<DuplicateKeyFinder> checker(json::parse_options{});
    checker.write_some(false, text.data(), text.size(), ec);
    if (checker.handler().duplicate) return Bad("invalid_json", "api_error.duplicate_member");
    if (ec) return Bad("invalid_json", "error.json_invalid");
  }
  json::value value = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return Bad("invalid_json", "error.json_invalid");
  if (!value.is_object()) return Bad("not_object", "api_error.not_object");
  return std::move(value.as_object());
}

std::optional<BodyProblem> CheckSchema(const json::object& object, const JsonSchema& schema,
                                       const std::string& prefix) {
  SchemaWalker walker;
  if (auto problem = walker.Walk(object, schema, prefix)) return problem;
  auto fields = walker.TakeFields();
  if (fields.empty()) return std::nullopt;
  return BodyProblem{bhttp::status::unprocessable_entity, "validation_failed", "error.validation", fields.front().field,
                     std::move(fields)};
}

BodyResult<json::object> ReadJsonBody(const RequestContext& ctx, const JsonSchema& schema) {
  if (auto problem = CheckJsonContentType(ctx.raw)) return *problem;
  auto object = ParseJsonObject(ctx.raw.body());
  if (!object) return object.error();
  if (auto problem = CheckSchema(*object, schema)) return *problem;
  return object;
}

Input ToInput(const json::object& object) {
  Input in;
  for (const auto& [key, value] : object) {
    const std::string name(key);
    if (value.is_string()) {
      in.Add(name, std::string(value.get_string()));
    } else if (value.is_bool()) {
      in.Add(name, value.get_bool() ? "true" : "false");
    } else if (value.is_int64()) {
      in.Add(name, std::to_string(value.get_int64()));
    } else if (value.is_array()) {
      for (const auto& item : value.get_array()) {
        if (item.is_string()) in.Add(name, std::string(item.get_string()));
        if (item.is_int64()) in.Add(name, std::to_string(item.get_int64()));
      }
    }
  }
  return in;
}

std::optional<std::int64_t> IntegerMember(const json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || !value->is_int64()) return std::nullopt;
  return value->get_int64();
}

bool BoolMember(const json::object& object, std::string_view name, bool fallback) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || !value->is_bool()) return fallback;
  return value->get_bool();
}

RawResponse ProblemResponse(const RequestContext& ctx, const BodyProblem& problem, const MessageCatalogue& messages) {
  if (problem.IsValidation()) return JsonError(ctx, Error::Validation(problem.fields, "json body"), messages);
  return JsonError(ctx, problem.status, problem.code, messages.Get(problem.message_key), problem.field);
}

}  // namespace hearth::http
