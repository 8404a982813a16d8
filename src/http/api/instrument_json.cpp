#include "http/api/instrument_json.hpp"

#include <boost/json/array.hpp>

namespace hearth::http {
namespace {
namespace json = boost::json;

json::value OptionalDate(const std::optional<Date>& d) { return d ? json::value(d->ToString()) : json::value(nullptr); }
json::value OptionalId(const std::optional<RecordId>& id) { return id ? json::value(*id) : json::value(nullptr); }

json::value BandJson(const std::optional<Band>& band) {
  if (!band) return nullptr;
  return json::object{{"id", band->id}, {"label", band->label}};
}

json::array DomainsJson(const AssessmentView& view) {
  json::array out;
  for (const DomainScore& score : view.scores.domains) {
    const ScoreDomain* domain = view.definition->FindDomain(score.domain);
    out.push_back(json::object{{"id", score.domain},
                               {"title", domain ? domain->title : score.domain},
                               {"total", score.total ? json::value(*score.total) : json::value(nullptr)},
                               {"band", BandJson(score.band)}});
  }
  return out;
}
}  // namespace

json::object InstrumentResultJson(const AssessmentView& view) {
  const InstrumentResult& r = view.result;
  json::object answers;
  for (const auto& [id, value] : r.answers) answers[id] = value;
  json::object out{{"instrument", r.instrument},
                   {"id", r.id},
                   {"title", view.definition->title},
                   {"instrument_version", r.instrument_version},
                   {"episode_id", r.episode_id},
                   {"person_id", OptionalId(r.person_id)},
                   {"stage", ToString(r.stage)},
                   {"date", r.assessed_on.ToString()},
                   {"status", ToString(r.status)},
                   {"answers", std::move(answers)},
                   {"recorded_by", r.recorded_by == 0 ? json::value(nullptr) : json::value(r.recorded_by)},
                   {"superseded_by", OptionalId(r.superseded_by)},
                   {"supersede_reason", r.supersede_reason},
                   {"version", r.version}};
  if (view.definition->IsScored()) {
    out["domains"] = DomainsJson(view);
    out["combined"] =
        json::object{{"title", view.definition->scoring->combined_title},
                     {"total", view.scores.combined ? json::value(*view.scores.combined) : json::value(nullptr)},
                     {"band", BandJson(view.scores.combined_band)}};
  }
  if (r.instrument == "quality_audit")
    out["sent_to"] = json::object{{"worker", OptionalId(r.sent_to_worker)},
                                  {"manager", OptionalId(r.sent_to_manager)},
                                  {"worker_acknowledged_on", OptionalDate(r.worker_acknowledged_on)},
                                  {"manager_acknowledged_on", OptionalDate(r.manager_acknowledged_on)}};
  return out;
}

BodyResult<Answers> AnswersFrom(const json::value* answers) {
  Answers out;
  if (answers == nullptr || answers->is_null()) return out;
  const auto wrong = [](std::string field) {
    return BodyProblem{bhttp::status::bad_request, "wrong_type", "error.json_wrong_type", std::move(field), {}};
  };
  if (!answers->is_object()) return wrong("answers");
  for (const auto& [key, value] : answers->get_object()) {
    const std::string id(key);
    if (value.is_string() && value.get_string().size() <= kJsonMaxStringBytes)
      out[id] = std::string(value.get_string());
    else if (value.is_int64())
      out[id] = std::to_string(value.get_int64());
    else if (!value.is_null())
      return wrong("answers." + id);
  }
  return out;
}

}  // namespace hearth::http
