#include "http/template_engine.hpp"

#include <gtest/gtest.h>

#include <map>

namespace hearth::http::mustache {
namespace {

std::string Render(std::string_view source, const data& root, const std::map<std::string, std::string>& partials = {}) {
  std::string error;
  auto tmpl = Template::Parse(source, error);
  EXPECT_NE(tmpl, nullptr) << error;
  if (!tmpl) return {};
  std::map<std::string, std::unique_ptr<Template>> parsed;
  for (const auto& [name, src] : partials) parsed[name] = Template::Parse(src, error);
  std::string out;
  tmpl->Render(root, nullptr, [&](std::string_view name) -> const Template* {
    auto it = parsed.find(std::string(name));
    return it == parsed.end() ? nullptr : it->second.get();
  }, out);
  return out;
}

TEST(TemplateEngine, EscapesVariablesAndLeavesTripleStacheRaw) {
  data d;
  d.set("name", "<b>O'Neill & \"Sons\"</b>");
  EXPECT_EQ(Render("{{name}}", d), "&lt;b&gt;O&#39;Neill &amp; &quot;Sons&quot;&lt;/b&gt;");
  EXPECT_EQ(Render("{{{name}}}|{{& name}}", d), "<b>O'Neill & \"Sons\"</b>|<b>O'Neill & \"Sons\"</b>");
}

TEST(TemplateEngine, MissingNamesRenderNothing) {
  EXPECT_EQ(Render("a{{nothing}}b{{#nothing}}x{{/nothing}}c", data{}), "abc");
}

TEST(TemplateEngine, SectionsIterateListsAndSeeOuterNames) {
  data d;
  d.set("family", "Jones");
  data people{data::type::list};
  for (const char* n : {"Sam", "Lily"}) {
    data p;
    p.set("given", n);
    people.push_back(p);
  }
  d.set("people", people);
  EXPECT_EQ(Render("{{#people}}{{given}} {{family}};{{/people}}", d), "Sam Jones;Lily Jones;");
}

TEST(TemplateEngine, InvertedSectionsRenderForFalseEmptyAndMissing) {
  data d;
  d.set("no", false);
  d.set("empty", data{data::type::list});
  d.set("blank", "");
  d.set("yes", true);
  EXPECT_EQ(Render("{{^no}}1{{/no}}{{^empty}}2{{/empty}}{{^blank}}3{{/blank}}{{^missing}}4{{/missing}}{{^yes}}5{{/yes}}", d),
            "1234");
}

TEST(TemplateEngine, DottedNamesAndTheCurrentItem) {
  data d;
  data form;
  data errors;
  errors.set("postcode", "Enter a real postcode");
  form.set("errors", errors);
  d.set("form", form);
  data tags{data::type::list};
  tags.push_back("a");
  tags.push_back("b");
  d.set("tags", tags);
  EXPECT_EQ(Render("{{#form.errors.postcode}}[{{form.errors.postcode}}]{{/form.errors.postcode}}{{#tags}}<{{.}}>{{/tags}}", d),
            "[Enter a real postcode]<a><b>");
}

TEST(TemplateEngine, PartialsRenderWithTheCurrentContext) {
  data d;
  d.set("title", "Hearth");
  EXPECT_EQ(Render("<h1>{{> parts/_title}}</h1>{{! a comment }}", d, {{"parts/_title", "{{title}}!"}}), "<h1>Hearth!</h1>");
}

TEST(TemplateEngine, ASelfIncludingPartialStops) {
  const std::string out = Render("{{> loop}}", data{}, {{"loop", "x{{> loop}}"}});
  EXPECT_EQ(out, std::string(16, 'x'));
}

TEST(TemplateEngine, RefusesUnclosedTagsAndSections) {
  std::string error;
  EXPECT_EQ(Template::Parse("{{name", error), nullptr);
  EXPECT_NE(error.find("unclosed"), std::string::npos);
  EXPECT_EQ(Template::Parse("{{#a}}x", error), nullptr);
  EXPECT_EQ(Template::Parse("{{#a}}x{{/b}}", error), nullptr);
}

TEST(TemplateEngine, SetReplacesAnExistingMember) {
  data d;
  d.set("x", "1");
  d.set("x", "2");
  EXPECT_EQ(Render("{{x}}", d), "2");
}

}  // namespace
}  // namespace hearth::http::mustache
