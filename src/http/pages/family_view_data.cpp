#include "http/pages/family_view_data.hpp"

#include <algorithm>
#include <map>

namespace hearth::http {
namespace {

std::string NameOf(const std::vector<Person>& members, RecordId id) {
  for (const auto& p : members)
    if (p.id == id) return p.FullName();
  return {};
}

// The vocabulary a chronology entry's detail comes from, by the entry's message key.
std::string DetailPrefix(std::string_view what) {
  if (what == "chronology.referral_received") return "source.";
  if (what == "chronology.decision") return "decision.";
  if (what == "chronology.episode_closed") return "closure_reason.";
  if (what == "chronology.feedback") return "family_outcomes.form.";
  if (what == "chronology.audit") return "report.grade.";
  return {};
}

template <class E>
std::string Label(const MessageCatalogue& messages, std::string_view prefix, E value) {
  return messages.Get(std::string(prefix) + "." + std::string(ToString(value)));
}

}  // namespace

std::string FormatDate(const Date& date, const MessageCatalogue& messages) {
  return std::to_string(date.Day()) + " " + messages.Get("families.month_" + std::to_string(date.Month())) + " " +
         std::to_string(date.Year());
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0x0F];
    }
  }
  return out;
}

std::vector<Person> OrderedMembers(std::vector<Person> members) {
  std::stable_sort(members.begin(), members.end(), [](const Person& a, const Person& b) {
    const bool a_child = a.role == MemberRole::kChild, b_child = b.role == MemberRole::kChild;
    if (a_child != b_child) return !a_child;
    // Unknown dates of birth after known ones.
    if (a.date_of_birth.has_value() != b.date_of_birth.has_value()) return a.date_of_birth.has_value();
    return a.date_of_birth && b.date_of_birth && *a.date_of_birth < *b.date_of_birth;
  });
  return members;
}

std::string FamilyHeading(const Family& family, const std::vector<Person>& members, const MessageCatalogue& messages) {
  if (!members.empty()) {
    const auto ordered = OrderedMembers(members);
    std::string names;
    if (ordered.size() == 1) {
      names = ordered[0].FullName();
    } else if (ordered.size() == 2) {
      names =
          messages.Format("families.names_two", {{"first", ordered[0].FullName()}, {"second", ordered[1].FullName()}});
    } else {
      names = messages.Format("families.names_more", {{"first", ordered[0].FullName()},
                                                      {"second", ordered[1].FullName()},
                                                      {"count", std::to_string(ordered.size() - 2)}});
    }
    return messages.Format("families.heading_members", {{"names", names}});
  }
  if (!family.postcode.empty()) return messages.Format("families.heading_household", {{"postcode", family.postcode}});
  return messages.Format("families.heading_record", {{"id", std::to_string(family.id)}});
}

mustache::data HouseholdData(const Family& family, const MessageCatalogue& messages) {
  mustache::data data{mustache::data::type::object};
  data.set("area", family.area);
  mustache::data lines{mustache::data::type::list};
  for (const auto* line : {&family.address_line_1, &family.address_line_2, &family.town})
    if (!line->empty()) lines.push_back(mustache::data(*line));
  data.set("address", lines);
  data.set("has_address", MustacheBool(!lines.is_empty_list()));
  data.set("postcode", family.postcode.empty() ? messages.Get("families.not_known") : family.postcode);
  return data;
}

mustache::data MemberRows(const std::vector<Person>& members, const MessageCatalogue& messages, const Date& today) {
  mustache::data rows{mustache::data::type::list};
  for (const auto& p : OrderedMembers(members)) {
    mustache::data row;
    row.set("id", std::to_string(p.id));
    row.set("name", p.FullName());
    if (p.date_of_birth) {
      row.set("date_of_birth", FormatDate(*p.date_of_birth, messages));
      row.set("date_of_birth_iso", p.date_of_birth->ToString());
      const int age = p.date_of_birth->AgeOn(today);
      row.set("age", age < 1 ? messages.Get("families.age_under_one") : std::to_string(age));
    } else {
      row.set("date_of_birth", messages.Get("families.not_known"));
      row.set("age", messages.Get("families.not_known"));
    }
    row.set("sex", Label(messages, "sex", p.sex));
    row.set("role", Label(messages, "member_role", p.role));
    rows.push_back(std::move(row));
  }
  return rows;
}

mustache::data RelationshipRows(const FamilyView& view, const MessageCatalogue& messages) {
  mustache::data rows{mustache::data::type::list};
  for (const auto& r : view.relationships) {
    mustache::data row;
    row.set("id", std::to_string(r.id));
    row.set("text",
            messages.Format("families.relationship_sentence", {{"from", NameOf(view.members, r.from_person_id)},
                                                               {"kind", Label(messages, "relationship", r.kind)},
                                                               {"to", NameOf(view.members, r.to_person_id)}}));
    rows.push_back(std::move(row));
  }
  return rows;
}

mustache::data ReferralRows(const std::vector<Referral>& referrals, const MessageCatalogue& messages) {
  std::vector<const Referral*> newest_first;
  for (const auto& r : referrals) newest_first.push_back(&r);
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const Referral* a, const Referral* b) { return a->received_on > b->received_on; });
  mustache::data rows{mustache::data::type::list};
  for (const Referral* r : newest_first) {
    mustache::data row;
    row.set("id", std::to_string(r->id));
    row.set("received_on", FormatDate(r->received_on, messages));
    row.set("source", Label(messages, "source", r->source));
    std::string reasons;
    for (OutcomeArea a : r->reasons) reasons += (reasons.empty() ? "" : ", ") + Label(messages, "reason", a);
    row.set("reasons", std::move(reasons));
    row.set("decision", Label(messages, "decision", r->decision));
    rows.push_back(std::move(row));
  }
  return rows;
}

mustache::data EpisodeRows(const std::vector<Episode>& episodes, const MessageCatalogue& messages,
                           const std::set<RecordId>& overdue) {
  std::vector<const Episode*> newest_first;
  for (const auto& e : episodes) newest_first.push_back(&e);
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const Episode* a, const Episode* b) { return a->opened_on > b->opened_on; });
  mustache::data rows{mustache::data::type::list};
  for (const Episode* e : newest_first) {
    mustache::data row;
    row.set("opened_on", FormatDate(e->opened_on, messages));
    row.set("stage", Label(messages, "stage", e->stage));
    row.set("open", MustacheBool(e->stage != EpisodeStage::kClosed));
    row.set("closed_on", e->closed_on ? FormatDate(*e->closed_on, messages) : "");
    row.set("closure_reason", e->closure_reason ? Label(messages, "closure_reason", *e->closure_reason) : "");
    row.set("href", "/episodes/" + std::to_string(e->id));
    row.set("overdue", MustacheBool(overdue.contains(e->id)));
    rows.push_back(std::move(row));
  }
  return rows;
}

mustache::data ChronologyItems(const std::vector<ChronologyEntry>& entries, const MessageCatalogue& messages) {
  mustache::data items{mustache::data::type::list};
  for (const auto& e : entries) {
    mustache::data item;
    item.set("on", FormatDate(e.on, messages));
    item.set("on_iso", e.on.ToString());
    item.set("what", messages.Get(e.what));
    const std::string prefix = DetailPrefix(e.what);
    if (!prefix.empty() && !e.detail.empty()) item.set("detail", messages.Get(prefix + e.detail));
    const bool about_referral = e.what == "chronology.referral_received" || e.what == "chronology.decision";
    if (about_referral && e.record_id > 0) item.set("href", "/referrals/" + std::to_string(e.record_id));
    // Feedback, oversight and audits (app/family_outcomes) name the episode they sit on.
    const bool on_episode = e.what == "chronology.feedback" || e.what == "chronology.oversight" || e.what == "chronology.audit";
    if (on_episode && e.record_id > 0) item.set("href", "/episodes/" + std::to_string(e.record_id));
    items.push_back(std::move(item));
  }
  return items;
}

mustache::data MemberOptions(const std::vector<Person>& members, std::string_view selected) {
  mustache::data options{mustache::data::type::list};
  for (const auto& p : OrderedMembers(members)) {
    mustache::data option;
    const std::string id = std::to_string(p.id);
    option.set("value", id);
    option.set("label", p.FullName());
    option.set("selected", MustacheBool(id == selected));
    options.push_back(std::move(option));
  }
  return options;
}

}  // namespace hearth::http
