#include "http/pages/family_outcomes.hpp"

#include "domain/resilience_outcome.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/instrument_page_data.hpp"
#include "http/views.hpp"

namespace hearth::http {
namespace {

constexpr const char* kSeries[] = {"resilience", "young_person_resilience"};

mustache::data Cell(const std::optional<int>& value, const MessageCatalogue& m, bool signed_change = false) {
  mustache::data cell;
  cell.set("value", value ? std::to_string(*value) : "");
  std::string text = value ? std::to_string(*value) : m.Get("instruments.outcomes.no_score");
  if (signed_change && value && *value > 0) text = "+" + text;
  cell.set("text", text);
  return cell;
}

mustache::data RowData(const OutcomeRow& row, const std::string& title, const MessageCatalogue& m) {
  mustache::data d;
  d.set("id", row.domain.empty() ? "combined" : row.domain);
  d.set("title", title);
  d.set("initial", Cell(row.initial, m));
  d.set("evaluation", Cell(row.evaluation, m));
  d.set("change", Cell(row.Change(), m, true));
  return d;
}

mustache::data TableData(const ResilienceOutcome& outcome, const Instrument& definition, const Episode& episode,
                         const std::vector<Person>& members, const MessageCatalogue& m) {
  mustache::data t;
  const std::string opened = FormatDate(episode.opened_on, m);
  t.set("id", "outcomes-" + std::to_string(episode.id) + "-" + outcome.instrument +
                  (outcome.person_id ? "-" + std::to_string(*outcome.person_id) : ""));
  t.set("caption", outcome.person_id ? m.Format("instruments.outcomes.person_caption",
                                                {{"name", PersonName(members, outcome.person_id)}, {"date", opened}})
                                     : m.Format("instruments.outcomes.episode_caption", {{"date", opened}}));
  mustache::data rows{mustache::data::type::list};
  for (const OutcomeRow& row : outcome.rows) {
    if (row.domain.empty()) {
      t.set("combined", RowData(row, definition.scoring->combined_title, m));
      continue;
    }
    const ScoreDomain* domain = definition.FindDomain(row.domain);
    rows.push_back(RowData(row, domain ? domain->title : row.domain, m));
  }
  t.set("rows", std::move(rows));
  return t;
}

}  // namespace

mustache::data FamilyOutcomesData(RequestContext& ctx, RouteDeps deps, const std::vector<Episode>& episodes,
                                  const std::vector<Person>& members) {
  const auto& m = deps.views.Messages();
  mustache::data tables{mustache::data::type::list};
  bool any = false;
  for (const Episode& episode : episodes) {
    auto listed = deps.services.assessments.ListForEpisode(ctx.Who(), episode.id, false);
    if (!listed) continue;
    std::vector<InstrumentResult> results;
    for (const AssessmentView& view : *listed) results.push_back(view.result);
    for (const char* instrument : kSeries) {
      const Instrument* definition = deps.services.instruments.Current(instrument);
      if (definition == nullptr || !definition->IsScored()) continue;
      std::vector<std::string> domains;
      for (const ScoreDomain& d : definition->domains) domains.push_back(d.id);
      for (const ResilienceOutcome& outcome : ResilienceOutcomes(results, instrument, domains)) {
        tables.push_back(TableData(outcome, *definition, episode, members, m));
        any = true;
      }
    }
  }
  mustache::data data;
  data.set("has_tables", MustacheBool(any));
  data.set("tables", std::move(tables));
  return data;
}

}  // namespace hearth::http
