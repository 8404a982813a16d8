#include "http/pages/instrument_page_data.hpp"

#include "http/pages/family_view_data.hpp"
#include "http/views.hpp"

namespace hearth::http {
namespace {

std::string TotalText(const AssessmentView& view) {
  if (!view.definition->IsScored() || !view.scores.combined) return "";
  std::string text = std::to_string(*view.scores.combined);
  if (view.scores.combined_band) text += " (" + view.scores.combined_band->label + ")";
  return text;
}

std::string StaffName(const std::vector<FormOption>& staff, const std::string& id) {
  for (const FormOption& o : staff)
    if (o.value == id) return o.label;
  return id;
}

mustache::data AnswerSections(const AssessmentView& view, const std::vector<FormOption>& staff,
                              const MessageCatalogue& m) {
  const Instrument& definition = *view.definition;
  mustache::data sections{mustache::data::type::list};
  for (const FormSection& section : InstrumentSections(definition, staff, m)) {
    mustache::data s;
    s.set("has_title", MustacheBool(!section.title.empty()));
    s.set("title", section.title);
    mustache::data answers{mustache::data::type::list};
    for (const FormField& f : section.fields) {
      const auto it = view.result.answers.find(f.name);
      mustache::data a;
      a.set("id", f.name);
      a.set("question", f.label);
      std::string answer = m.Get("instruments.not_answered");
      if (it != view.result.answers.end() && !it->second.empty())
        answer = f.kind == FormField::Kind::kSelect ? StaffName(staff, it->second)
                                                    : AnswerLabel(definition, f.name, it->second, m);
      a.set("answer", answer);
      answers.push_back(std::move(a));
    }
    s.set("answers", std::move(answers));
    sections.push_back(std::move(s));
  }
  return sections;
}

void SetScores(const AssessmentView& view, const MessageCatalogue& m, mustache::data& data) {
  data.set("scored", MustacheBool(view.definition->IsScored()));
  if (!view.definition->IsScored()) return;
  mustache::data domains{mustache::data::type::list};
  for (const DomainScore& score : view.scores.domains) {
    const ScoreDomain* domain = view.definition->FindDomain(score.domain);
    mustache::data d;
    d.set("id", score.domain);
    d.set("title", domain ? domain->title : score.domain);
    d.set("total", score.total ? std::to_string(*score.total) : m.Get("instruments.not_scored"));
    d.set("band", score.band ? score.band->label : "");
    domains.push_back(std::move(d));
  }
  data.set("domains", std::move(domains));
  data.set("combined_title", view.definition->scoring->combined_title);
  data.set("combined", view.scores.combined ? std::to_string(*view.scores.combined) : m.Get("instruments.not_scored"));
  data.set("combined_band", view.scores.combined_band ? view.scores.combined_band->label : "");
}

void SetRecipients(const RequestContext& ctx, const AssessmentView& view, const std::vector<FormOption>& staff,
                   const MessageCatalogue& m, mustache::data& data) {
  const InstrumentResult& r = view.result;
  data.set("is_audit", MustacheBool(r.instrument == "quality_audit" && r.status != ResultStatus::kDraft));
  mustache::data recipients{mustache::data::type::list};
  const auto add = [&](const char* role, const std::optional<RecordId>& who, const std::optional<Date>& on) {
    if (!who) return;
    mustache::data row;
    row.set("role", m.Get(std::string("instruments.") + role));
    row.set("name", StaffName(staff, std::to_string(*who)));
    row.set("state", on ? m.Format("instruments.acknowledged_on", {{"date", FormatDate(*on, m)}})
                        : m.Get("instruments.not_acknowledged"));
    recipients.push_back(std::move(row));
  };
  add("sent_worker", r.sent_to_worker, r.worker_acknowledged_on);
  add("sent_manager", r.sent_to_manager, r.manager_acknowledged_on);
  data.set("recipients", std::move(recipients));
  const RecordId me = ctx.Who().user_id;
  const bool pending =
      (r.sent_to_worker == me && !r.worker_acknowledged_on) || (r.sent_to_manager == me && !r.manager_acknowledged_on);
  data.set("may_acknowledge", MustacheBool(r.status == ResultStatus::kFinal && pending));
  data.set("acknowledge_href", ResultHref(r) + "/acknowledge");
}

}  // namespace

std::string ResultHref(const InstrumentResult& result) {
  return "/instruments/" + result.instrument + "/" + std::to_string(result.id);
}

std::string PersonName(const std::vector<Person>& members, const std::optional<RecordId>& id) {
  if (!id) return "";
  for (const Person& p : members)
    if (p.id == *id) return p.FullName();
  return "";
}

std::vector<FormOption> StaffOptions(RequestContext& ctx, RouteDeps deps) {
  std::vector<FormOption> out;
  if (auto workers = deps.services.journey.Workers(ctx.Who(), std::nullopt))
    for (const auto& u : *workers)
      out.push_back({std::to_string(u.id), u.username + (u.team_name.empty() ? "" : " (" + u.team_name + ")")});
  return out;
}

mustache::data InstrumentSectionData(RequestContext& ctx, RouteDeps deps, RecordId episode_id) {
  const auto& m = deps.views.Messages();
  mustache::data data;
  auto results = deps.services.assessments.ListForEpisode(ctx.Who(), episode_id, false);
  mustache::data rows{mustache::data::type::list};
  if (results)
    for (const AssessmentView& view : *results) {
      const InstrumentResult& r = view.result;
      mustache::data row;
      row.set("instrument", r.instrument);
      row.set("title", view.definition->title);
      row.set("href", ResultHref(r));
      row.set("version", m.Format("instruments.version_value", {{"version", std::to_string(r.instrument_version)}}));
      row.set("stage", m.Get("instruments.stage." + std::string(ToString(r.stage))));
      row.set("date", FormatDate(r.assessed_on, m));
      row.set("status_id", std::string(ToString(r.status)));
      row.set("status", m.Get("instruments.status." + std::string(ToString(r.status))));
      row.set("is_final", MustacheBool(r.status == ResultStatus::kFinal));
      row.set("total", TotalText(view));
      row.set("has_about", MustacheBool(false));
      rows.push_back(std::move(row));
    }
  data.set("has_results", MustacheBool(results && !results->empty()));
  data.set("results", std::move(rows));
  const bool may_start = ctx.Who().role != Role::kPartner && !deps.services.assessments.FormsFor(ctx.Who()).empty();
  data.set("may_start", MustacheBool(may_start));
  data.set("start_href", "/episodes/" + std::to_string(episode_id) + "/instruments/new");
  return data;
}

mustache::data ResultPageData(const RequestContext& ctx, const AssessmentView& view, const std::vector<Person>& members,
                              const std::vector<FormOption>& staff, const MessageCatalogue& m) {
  const InstrumentResult& r = view.result;
  mustache::data data;
  data.set("title", view.definition->title);
  data.set("back_href", "/episodes/" + std::to_string(r.episode_id) + "#instruments");
  data.set("status", m.Get("instruments.status." + std::string(ToString(r.status))));
  data.set("is_final", MustacheBool(r.status == ResultStatus::kFinal));
  data.set("version_label", m.Format("instruments.version_value", {{"version", std::to_string(r.instrument_version)}}));
  data.set("stage", m.Get("instruments.stage." + std::string(ToString(r.stage))));
  data.set("date", FormatDate(r.assessed_on, m));
  const std::string about = PersonName(members, r.person_id);
  data.set("has_about", MustacheBool(!about.empty()));
  data.set("about", about);
  data.set("is_superseded", MustacheBool(r.status == ResultStatus::kSuperseded));
  data.set("supersede_reason", r.supersede_reason);
  if (r.superseded_by) {
    InstrumentResult successor = r;
    successor.id = *r.superseded_by;
    data.set("successor_href", ResultHref(successor));
  }
  const bool completes = view.definition->CompletedBy(ctx.Who().role);
  data.set("may_edit", MustacheBool(completes && r.status == ResultStatus::kDraft));
  data.set("may_supersede", MustacheBool(completes && r.status == ResultStatus::kFinal));
  data.set("edit_href", ResultHref(r) + "/edit");
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("record_version", std::to_string(r.version));
  SetScores(view, m, data);
  SetRecipients(ctx, view, staff, m, data);
  data.set("sections", AnswerSections(view, staff, m));
  return data;
}

}  // namespace hearth::http
