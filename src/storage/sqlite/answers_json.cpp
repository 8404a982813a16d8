#include "storage/sqlite/answers_json.hpp"

#include <boost/json.hpp>

namespace hearth::sqlite {

std::string EncodeAnswers(const Answers& answers) {
  boost::json::object out;
  for (const auto& [id, value] : answers) out[id] = value;
  return boost::json::serialize(out);
}

Answers DecodeAnswers(const std::optional<std::string>& text) {
  Answers out;
  if (!text) return out;
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(*text, ec);
  // Only Hearth writes these columns (imported rows have none); anything else is a damaged row, read as unanswered.
  if (ec || !parsed.is_object()) return out;
  for (const auto& [key, value] : parsed.get_object())
    if (value.is_string()) out[std::string(key)] = std::string(value.get_string());
  return out;
}

}  // namespace hearth::sqlite
