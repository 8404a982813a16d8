#include "http/pages/referral_form.hpp"

#include <charconv>
#include <cstdio>

#include "domain/field_rules.hpp"
#include "http/pages/field_data.hpp"

namespace hearth::http {
namespace {

constexpr std::string_view kFamilyPrefix = "family.";
constexpr std::string_view kPeoplePrefix = "people[";

// "people[2].given_name" -> {2, "given_name"}; nullopt for anything else.
std::optional<std::pair<int, std::string>> PersonField(std::string_view name) {
  if (!name.starts_with(kPeoplePrefix)) return std::nullopt;
  name.remove_prefix(kPeoplePrefix.size());
  const auto close = name.find("].");
  if (close == std::string_view::npos || close == 0) return std::nullopt;
  int index = -1;
  auto [ptr, ec] = std::from_chars(name.data(), name.data() + close, index);
  if (ec != std::errc() || ptr != name.data() + close) return std::nullopt;
  return std::make_pair(index, std::string(name.substr(close + 2)));
}

std::string PersonName(int block, std::string_view field) {
  return "people[" + std::to_string(block) + "]." + std::string(field);
}

// A block counts as filled in when any of its typed fields is (the selects always carry a value).
bool BlockFilled(const Input& person) {
  for (const char* field : {"given_name", "family_name", "date_of_birth"})
    if (!rules::Trim(person.Get(field)).empty()) return true;
  return false;
}

// The order the page shows the fields in, for the error summary.
int FieldRank(const std::string& field) {
  static const std::vector<std::string> kTop = {"received_on", "source", "reasons"};
  static const std::vector<std::string> kBottom = {"consent_given", "consent_given_by", "consent_given_on",
                                                   "share_with",    "decision",         "rationale"};
  for (std::size_t i = 0; i < kTop.size(); ++i)
    if (field == kTop[i]) return static_cast<int>(i);
  if (field.starts_with(kFamilyPrefix)) return 10;
  if (auto person = PersonField(field)) return 20 + person->first;
  for (std::size_t i = 0; i < kBottom.size(); ++i)
    if (field == kBottom[i]) return 40 + static_cast<int>(i);
  return 60;
}

mustache::data PersonBlocks(const MessageCatalogue& m, const FieldData& fields) {
  mustache::data blocks{mustache::data::type::list};
  for (int i = 0; i < kPersonBlocks; ++i) {
    mustache::data block{mustache::data::type::object};
    const std::string number = std::to_string(i + 1);
    block.set("heading", m.Format(i == 0 ? "referrals.person_heading" : "referrals.person_heading_optional",
                                  {{"number", number}}));
    block.set("id", "person-" + number);
    block.set("given_name", fields.Text(PersonName(i, "given_name"), m.Get("referrals.label.given_name"),
                                        FieldOptions().Classes("govuk-!-width-two-thirds").Autocomplete("off")));
    block.set("family_name", fields.Text(PersonName(i, "family_name"), m.Get("referrals.label.family_name"),
                                         FieldOptions().Classes("govuk-!-width-two-thirds").Autocomplete("off")));
    block.set(
        "date_of_birth",
        fields.Text(
            PersonName(i, "date_of_birth"), m.Get("referrals.label.date_of_birth"),
            FieldOptions().Hint(m.Get("referrals.date_hint")).Classes("govuk-input--width-10").Autocomplete("off")));
    block.set("sex", fields.EnumChoice<Sex>(PersonName(i, "sex"), m.Get("referrals.label.sex"), "sex",
                                            FieldOptions().Blank(m.Get("referrals.select_blank"))));
    block.set("role", fields.EnumChoice<MemberRole>(PersonName(i, "role"), m.Get("referrals.label.role"), "member_role",
                                                    FieldOptions().Inline(true)));
    blocks.push_back(std::move(block));
  }
  return blocks;
}

// The error summary, with "Person 2: " before a person's errors: the same message can come from each block.
mustache::data ErrorSummary(const MessageCatalogue& m, const Error& error) {
  mustache::data summary{mustache::data::type::list};
  for (const auto& f : error.fields) {
    std::string text = FieldErrorText(f, m);
    if (auto person = PersonField(f.field))
      text = m.Format("referrals.person_error", {{"number", std::to_string(person->first + 1)}, {"error", text}});
    mustache::data item{mustache::data::type::object};
    item.set("href", "#" + FieldId(f.field));
    item.set("text", std::move(text));
    summary.push_back(std::move(item));
  }
  return summary;
}

}  // namespace

ReferralForm ReadReferralForm(const Input& form, std::optional<RecordId> family_id) {
  ReferralForm out;
  ReferralSubmission& s = out.submission;
  s.family_id = family_id;
  std::vector<Input> blocks(kPersonBlocks);
  for (const auto& [name, values] : form.Values()) {
    if (name == "csrf_token") continue;
    if (name == "confirmed_new_family") {
      s.confirmed_new_family = !family_id && form.Get(name) == "yes";
      continue;
    }
    if (name.starts_with(kFamilyPrefix)) {
      if (!family_id)
        for (const auto& v : values) s.family.Add(name.substr(kFamilyPrefix.size()), v);
      continue;
    }
    if (auto person = PersonField(name)) {
      if (!family_id && person->first >= 0 && person->first < kPersonBlocks)
        for (const auto& v : values) blocks[static_cast<std::size_t>(person->first)].Add(person->second, v);
      continue;
    }
    for (const auto& v : values) s.referral.Add(name, v);
  }
  for (int i = 0; i < kPersonBlocks; ++i) {
    if (!BlockFilled(blocks[static_cast<std::size_t>(i)])) continue;
    s.people.push_back(std::move(blocks[static_cast<std::size_t>(i)]));
    out.block_of_person.push_back(i);
  }
  return out;
}

Error ErrorForForm(Error error, const std::vector<int>& block_of_person) {
  for (auto& f : error.fields) {
    auto person = PersonField(f.field);
    if (!person || person->first < 0 || static_cast<std::size_t>(person->first) >= block_of_person.size()) continue;
    f.field = PersonName(block_of_person[static_cast<std::size_t>(person->first)], person->second);
  }
  OrderFieldErrors(error, &FieldRank);
  return error;
}

Input DefaultReferralValues(bool new_family) {
  Input values;
  values.Add("received_on", Date::TodayUtc().ToString());
  if (new_family) values.Add(PersonName(0, "role"), "child");
  return values;
}

mustache::data ReferralFormData(const MessageCatalogue& m, const Input& values, const Error* error, bool new_family) {
  const FieldData fields(values, error, m);
  mustache::data d{mustache::data::type::object};
  mustache::data form = FormData(values, error, m);
  if (error != nullptr && !error->fields.empty()) form.set("error_summary", ErrorSummary(m, *error));
  d.set("form", form);
  d.set("received_on",
        fields.Text(
            "received_on", m.Get("referrals.label.received_on"),
            FieldOptions().Hint(m.Get("referrals.date_hint")).Classes("govuk-input--width-10").Autocomplete("off")));
  d.set("source", fields.EnumChoice<ReferralSource>("source", m.Get("referrals.label.source"), "source"));
  d.set("reasons", fields.EnumChoice<OutcomeArea>("reasons", m.Get("referrals.label.reasons"), "reason",
                                                  FieldOptions().Hint(m.Get("referrals.hint.reasons"))));
  d.set("consent_given",
        fields.Choice("consent_given", m.Get("referrals.label.consent_given"),
                      {{"yes", m.Get("referrals.yes")}, {"no", m.Get("referrals.no")}}, FieldOptions().Inline(true)));
  d.set("consent_given_by", fields.Text("consent_given_by", m.Get("referrals.label.consent_given_by"),
                                        FieldOptions()
                                            .Hint(m.Get("referrals.hint.consent_given_by"))
                                            .Classes("govuk-!-width-one-half")
                                            .Autocomplete("off")));
  d.set("consent_given_on", fields.Text("consent_given_on", m.Get("referrals.label.consent_given_on"),
                                        FieldOptions()
                                            .Hint(m.Get("referrals.hint.consent_given_on"))
                                            .Classes("govuk-input--width-10")
                                            .Autocomplete("off")));
  d.set("share_with", fields.EnumChoice<Agency>("share_with", m.Get("referrals.label.share_with"), "agency",
                                                FieldOptions().Hint(m.Get("referrals.hint.share_with"))));
  d.set("decision", fields.EnumChoice<ReferralDecision>("decision", m.Get("referrals.label.decision"), "decision",
                                                        FieldOptions().Hint(m.Get("referrals.hint.decision"))));
  d.set("rationale", fields.Text("rationale", m.Get("referrals.label.rationale"),
                                 FieldOptions().Hint(m.Get("referrals.hint.rationale"))));
  d.set("new_family", MustacheBool(new_family));
  if (new_family) {
    d.set("area", fields.Text("family.area", m.Get("referrals.label.area"),
                              FieldOptions().Hint(m.Get("referrals.hint.area")).Classes("govuk-!-width-one-half")));
    d.set("address_line_1", fields.Text("family.address_line_1", m.Get("referrals.label.address_line_1"),
                                        FieldOptions().Autocomplete("off")));
    d.set("address_line_2", fields.Text("family.address_line_2", m.Get("referrals.label.address_line_2"),
                                        FieldOptions().Autocomplete("off")));
    d.set("town", fields.Text("family.town", m.Get("referrals.label.town"),
                              FieldOptions().Classes("govuk-!-width-two-thirds").Autocomplete("off")));
    d.set("postcode", fields.Text("family.postcode", m.Get("referrals.label.postcode"),
                                  FieldOptions().Classes("govuk-input--width-10").Autocomplete("off")));
    d.set("people", PersonBlocks(m, fields));
  }
  return d;
}

std::string PercentText(const MessageCatalogue& m, double probability) {
  // Rounding would print 100% for a near-certain match; the engine never says certain.
  if (probability >= 0.9995) return m.Get("referrals.matches.almost_certain");
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", probability * 100);
  return m.Format("referrals.matches.percent", {{"percent", text}});
}

std::string WeightText(double weight) {
  char text[16];
  std::snprintf(text, sizeof text, "%+.1f", weight);
  return text;
}

// The waterfall of `hearth link explain` in the catalogue's words: what each comparison found and what it added.
mustache::data ExplanationData(const MessageCatalogue& m, const MatchExplanation& e) {
  mustache::data d{mustache::data::type::object};
  d.set("prior_weight", WeightText(e.prior_weight));
  mustache::data steps{mustache::data::type::list};
  for (const auto& step : e.steps) {
    mustache::data item{mustache::data::type::object};
    const bool correction = step.field == "correction";
    item.set("field", m.Get("referrals.matches.field." + step.field));
    const std::string finding_key = correction ? "referrals.matches.correction." : "referrals.matches.level.";
    item.set("finding", m.Get(finding_key + step.level));
    item.set("entered", step.entered.empty() ? m.Get("referrals.matches.value_missing") : step.entered);
    item.set("stored", step.stored.empty() ? m.Get("referrals.matches.value_missing") : step.stored);
    item.set("values", MustacheBool(!correction));
    item.set("weight", WeightText(step.weight));
    item.set("rarity", MustacheBool(step.rarity != 0));
    if (step.rarity != 0)
      item.set("rarity_text",
               m.Format(step.rarity > 0 ? "referrals.matches.rare_value" : "referrals.matches.common_value",
                        {{"weight", WeightText(step.rarity)}}));
    steps.push_back(std::move(item));
  }
  d.set("steps", steps);
  d.set("total", m.Format("referrals.matches.total",
                          {{"weight", WeightText(e.weight)}, {"probability", PercentText(m, e.probability)}}));
  return d;
}

mustache::data PossibleMatchesData(const MessageCatalogue& m, const std::vector<PossibleMatch>& matches,
                                   const Input& values, const std::vector<int>& block_of_person) {
  mustache::data list{mustache::data::type::list};
  for (const auto& match : matches) {
    mustache::data item{mustache::data::type::object};
    const std::string family_id = std::to_string(match.family.id);
    item.set("name", match.person.FullName());
    item.set("date_of_birth",
             match.person.date_of_birth ? match.person.date_of_birth->ToString() : m.Get("referrals.not_known"));
    item.set("postcode", match.family.postcode.empty() ? m.Get("referrals.not_known") : match.family.postcode);
    item.set("family_href", "/families/" + family_id);
    item.set("referral_href", "/families/" + family_id + "/referrals/new");
    item.set("family_link_text", m.Format("referrals.matches.view_family", {{"id", family_id}}));
    std::string similar_to;
    const auto index = static_cast<std::size_t>(match.new_person_index);
    if (index < block_of_person.size()) {
      const int block = block_of_person[index];
      similar_to =
          rules::Trim(values.Get(PersonName(block, "given_name")) + " " + values.Get(PersonName(block, "family_name")));
    }
    item.set("similar_to", m.Format("referrals.matches.similar_to", {{"name", similar_to}}));
    item.set("has_probability", MustacheBool(match.probability.has_value()));
    item.set("probability", match.probability ? PercentText(m, *match.probability) : std::string());
    item.set("has_explanation", MustacheBool(match.explanation.has_value()));
    if (match.explanation) {
      item.set("explanation", ExplanationData(m, *match.explanation));
      item.set("explain_id", "match-" + std::to_string(match.person.id) + "-why");
    }
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace hearth::http
