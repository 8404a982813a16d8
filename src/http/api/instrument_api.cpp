// /api/v1 for every instrument (docs/api.md, "Instruments"): an episode's results, a draft started, saved,
// finalised, superseded, and a quality audit acknowledged. Results are named by instrument and id, because each
// form keeps its own numbering. Changes need If-Match with the result's ETag.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/api/api_common.hpp"
#include "http/api/instrument_json.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;
using api::Failed;
using api::NotFound;

const JsonSchema kStart{
    {JsonMember{"instrument"}, JsonMember{"stage"}, JsonMember{"date"}, JsonMember{"person_id", JsonType::kInteger}}};
const JsonSchema kNoMembers{{}};
const JsonSchema kReason{{JsonMember{"reason"}}};

// The body's members other than `answers` checked by `schema`, and `answers` read as Answers.
struct AnswersBody {
  json::object members;
  Answers answers;
};

BodyResult<AnswersBody> ReadAnswersBody(const RequestContext& ctx, const JsonSchema& schema) {
  if (auto problem = CheckJsonContentType(ctx.raw)) return *problem;
  auto object = ParseJsonObject(ctx.raw.body());
  if (!object) return object.error();
  AnswersBody body;
  auto answers = AnswersFrom(object->if_contains("answers"));
  if (!answers) return answers.error();
  body.answers = std::move(*answers);
  object->erase("answers");
  if (auto problem = CheckSchema(*object, schema)) return *problem;
  body.members = std::move(*object);
  return body;
}

std::string Member(const json::object& body, std::string_view name) {
  const auto* value = body.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::optional<ResultKey> PathKey(const RequestContext& ctx) {
  const auto id = ctx.IdParam("id");
  const auto it = ctx.params.find("instrument");
  if (!id || it == ctx.params.end()) return std::nullopt;
  return ResultKey{it->second, *id};
}

RawResponse WithEtag(const RequestContext& ctx, bhttp::status status, const AssessmentView& view) {
  RawResponse res = JsonResponse(ctx, status, json::object{{"result", InstrumentResultJson(view)}});
  api::SetEtag(res, view.result.version);
  return res;
}

RawResponse List(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto results = deps.services.assessments.ListForEpisode(ctx.Who(), *id);
  if (!results) return Failed(ctx, deps.views, results.error());
  json::array out;
  for (const auto& view : *results) out.push_back(InstrumentResultJson(view));
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"results", std::move(out)}});
}

RawResponse Start(RequestContext& ctx, RouteDeps deps) {
  const auto episode_id = api::PathId(ctx);
  if (!episode_id) return NotFound(ctx, deps.views);
  auto body = ReadAnswersBody(ctx, kStart);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  AssessmentStart start;
  start.instrument = Member(body->members, "instrument");
  const std::string stage = Member(body->members, "stage");
  if (stage.empty()) {
    // Left out: the one stage a form is taken at, or `any`.
    const Instrument* definition = deps.services.instruments.Current(start.instrument);
    start.stage =
        definition != nullptr && definition->stages.size() == 1 ? definition->stages.front() : InstrumentStage::kAny;
  } else if (const auto parsed = ParseEnum<InstrumentStage>(stage)) {
    start.stage = *parsed;
  } else {
    return Failed(ctx, deps.views, InstrumentFieldProblem("stage", "error.instrument.stage"));
  }
  const auto date = Date::Parse(Member(body->members, "date"));
  if (!date) return Failed(ctx, deps.views, InstrumentFieldProblem("date", "error.instrument.assessed_on"));
  start.assessed_on = *date;
  if (const auto person = IntegerMember(body->members, "person_id")) start.person_id = *person;
  auto& service = deps.services.assessments;
  auto draft = service.StartDraft(ctx.Who(), *episode_id, start);
  if (!draft) return Failed(ctx, deps.views, draft.error());
  // Answers sent with the start are saved on the new draft; if they are refused the empty draft stays, and its
  // Location says where to send corrected ones.
  if (!body->answers.empty()) {
    auto saved = service.SaveDraft(ctx.Who(), {draft->result.instrument, draft->result.id}, body->answers,
                                   draft->result.version);
    if (!saved) {
      RawResponse res = Failed(ctx, deps.views, saved.error());
      res.set(bhttp::field::location, std::string(api::kApiRoot) + "/instruments/" + draft->result.instrument + "/" +
                                          std::to_string(draft->result.id));
      return res;
    }
    draft = std::move(saved);
  }
  RawResponse res = api::Created(ctx, "instruments/" + draft->result.instrument, draft->result.id,
                                 json::object{{"result", InstrumentResultJson(*draft)}});
  api::SetEtag(res, draft->result.version);
  return res;
}

RawResponse Show(RequestContext& ctx, RouteDeps deps) {
  const auto key = PathKey(ctx);
  if (!key) return NotFound(ctx, deps.views);
  auto view = deps.services.assessments.View(ctx.Who(), *key);
  if (!view) return Failed(ctx, deps.views, view.error());
  return WithEtag(ctx, bhttp::status::ok, *view);
}

enum class Change { kSave, kFinalise, kSupersede, kAcknowledge };

RawResponse Apply(RequestContext& ctx, RouteDeps deps, Change change) {
  const auto key = PathKey(ctx);
  if (!key) return NotFound(ctx, deps.views);
  std::optional<RawResponse> refusal;
  const auto version = api::IfMatchVersion(ctx, deps.views, refusal);
  if (!version) return std::move(*refusal);
  const bool takes_answers = change == Change::kSave || change == Change::kSupersede;
  auto body = ReadAnswersBody(ctx, change == Change::kSupersede ? kReason : kNoMembers);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  if (!takes_answers && !body->answers.empty())
    return ProblemResponse(
        ctx, BodyProblem{bhttp::status::bad_request, "unknown_field", "error.json_unknown_field", "answers", {}},
        deps.views.Messages());
  auto& service = deps.services.assessments;
  const Principal& who = ctx.Who();
  Result<AssessmentView> done = Error::NotFound("instrument change");
  switch (change) {
    case Change::kSave:
      done = service.SaveDraft(who, *key, body->answers, *version);
      break;
    case Change::kFinalise:
      done = service.Finalise(who, *key, *version);
      break;
    case Change::kSupersede:
      done = service.Supersede(who, *key, body->answers, Member(body->members, "reason"), *version);
      break;
    case Change::kAcknowledge:
      if (key->instrument != "quality_audit") return NotFound(ctx, deps.views);
      done = service.AcknowledgeAudit(who, key->id, *version);
      break;
  }
  if (!done) return Failed(ctx, deps.views, done.error());
  return WithEtag(ctx, change == Change::kSupersede ? bhttp::status::created : bhttp::status::ok, *done);
}

RawResponse AuditsToAcknowledge(RequestContext& ctx, RouteDeps deps) {
  auto audits = deps.services.assessments.AuditsToAcknowledge(ctx.Who());
  if (!audits) return Failed(ctx, deps.views, audits.error());
  json::array out;
  for (const auto& view : *audits) out.push_back(InstrumentResultJson(view));
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"results", std::move(out)}});
}

}  // namespace

void RegisterInstrumentApi(Router& router, RouteDeps deps) {
  const Policy view = Policy::Needs(Capability::kViewFamilies);
  const std::string one = "/api/v1/instruments/{instrument}/{id}";
  router.Add(bhttp::verb::get, "/api/v1/episodes/{id}/instruments", view,
             [deps](RequestContext& ctx) { return List(ctx, deps); });
  router.Add(bhttp::verb::post, "/api/v1/episodes/{id}/instruments", view,
             [deps](RequestContext& ctx) { return Start(ctx, deps); });
  router.Add(bhttp::verb::get, one, view, [deps](RequestContext& ctx) { return Show(ctx, deps); });
  router.Add(bhttp::verb::put, one, view, [deps](RequestContext& ctx) { return Apply(ctx, deps, Change::kSave); });
  router.Add(bhttp::verb::post, one + "/finalise", view,
             [deps](RequestContext& ctx) { return Apply(ctx, deps, Change::kFinalise); });
  router.Add(bhttp::verb::post, one + "/supersede", view,
             [deps](RequestContext& ctx) { return Apply(ctx, deps, Change::kSupersede); });
  router.Add(bhttp::verb::post, one + "/acknowledge", view,
             [deps](RequestContext& ctx) { return Apply(ctx, deps, Change::kAcknowledge); });
  router.Add(bhttp::verb::get, "/api/v1/audits-to-acknowledge", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return AuditsToAcknowledge(ctx, deps); });
}

}  // namespace hearth::http
