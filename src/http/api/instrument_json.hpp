// Instrument results as JSON for /api/v1 (docs/api.md, "Instruments"): one shape for every form, keyed by its
// instrument id, and the answers member of a request body read into Answers.
#pragma once
#include <boost/json/object.hpp>

#include "app/instrument_service.hpp"
#include "http/api/json_input.hpp"

namespace hearth::http {

boost::json::object InstrumentResultJson(const AssessmentView& view);

// `answers` must be an object whose members are strings or whole numbers (a number is read as its decimal text);
// anything else is a 400 wrong_type naming "answers.<id>". Which ids and values are right is the form's to say.
BodyResult<Answers> AnswersFrom(const boost::json::value* answers);

}  // namespace hearth::http
