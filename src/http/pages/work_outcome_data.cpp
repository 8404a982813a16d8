#include "http/pages/work_outcome_data.hpp"

#include <boost/json/array.hpp>

#include "http/pages/family_view_data.hpp"

namespace hearth::http {
namespace json = boost::json;

namespace {
std::string FamilyName(const std::string& label, const MessageCatalogue& m) {
  return label.empty() ? m.Get("work.unnamed_family") : label;
}
}  // namespace

void SetOutcomeWorkLists(mustache::data& data, const WorkList& list, const MessageCatalogue& m) {
  mustache::data oversight{mustache::data::type::list};
  for (const auto& r : list.oversight) {
    mustache::data row;
    row.set("href", "/episodes/" + std::to_string(r.episode_id));
    row.set("family", FamilyName(r.family_label, m));
    row.set("last", r.last_oversight_on ? FormatDate(*r.last_oversight_on, m) : m.Get("work.oversight.never"));
    row.set("due_on", FormatDate(r.due_on, m));
    row.set("workers", r.workers);
    oversight.push_back(std::move(row));
  }
  data.set("oversight_view", MustacheBool(list.team_view));
  data.set("oversight", std::move(oversight));
  data.set("has_oversight", MustacheBool(!list.oversight.empty()));
  data.set("oversight_total", std::to_string(list.oversight_total));

  mustache::data audits{mustache::data::type::list};
  for (const auto& r : list.audits) {
    mustache::data row;
    row.set("href", "/episodes/" + std::to_string(r.episode_id));
    row.set("family", FamilyName(r.family_label, m));
    row.set("plan_on", FormatDate(r.plan_agreed_on, m));
    row.set("due_on", FormatDate(r.due_on, m));
    row.set("overdue", MustacheBool(r.overdue));
    audits.push_back(std::move(row));
  }
  data.set("audit_view", MustacheBool(list.audit_view));
  data.set("audits", std::move(audits));
  data.set("has_audits", MustacheBool(!list.audits.empty()));
  data.set("audits_total", std::to_string(list.audits_total));
  data.set("audits_overdue", std::to_string(list.audits_overdue));
}

void AddOutcomeWorkLists(json::object& out, const WorkList& list) {
  if (list.team_view) {
    json::array rows;
    for (const auto& r : list.oversight)
      rows.push_back(json::object{{"episode", r.episode_id},
                                  {"family", r.family_id},
                                  {"family_label", r.family_label},
                                  {"last_oversight_on", r.last_oversight_on ? json::value(r.last_oversight_on->ToString())
                                                                            : json::value(nullptr)},
                                  {"due_on", r.due_on.ToString()},
                                  {"workers", r.workers}});
    out["oversight"] = json::object{{"total", list.oversight_total}, {"items", std::move(rows)}};
  }
  if (list.audit_view) {
    json::array rows;
    for (const auto& r : list.audits)
      rows.push_back(json::object{{"episode", r.episode_id},
                                  {"family", r.family_id},
                                  {"family_label", r.family_label},
                                  {"plan_agreed_on", r.plan_agreed_on.ToString()},
                                  {"due_on", r.due_on.ToString()},
                                  {"overdue", r.overdue}});
    out["audits"] = json::object{{"total", list.audits_total}, {"overdue", list.audits_overdue}, {"items", std::move(rows)}};
  }
}

}  // namespace hearth::http
