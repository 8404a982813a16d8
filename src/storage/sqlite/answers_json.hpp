// Answers (item or question id -> value as text) as the JSON object the results' answers/details columns hold.
#pragma once
#include <optional>
#include <string>

#include "domain/instrument.hpp"

namespace hearth::sqlite {

std::string EncodeAnswers(const Answers& answers);
// A column that is NULL (imported rows) or not a JSON object of strings reads as no answers.
Answers DecodeAnswers(const std::optional<std::string>& text);

}  // namespace hearth::sqlite
