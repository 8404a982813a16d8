// Reading one interchange line: each field rule broken once gives its message, its line and its field.
#include "domain/interchange_parse.hpp"

#include <gtest/gtest.h>

namespace hearth::interchange {
namespace {

std::vector<LineError> ErrorsOf(std::string_view line, bool header_allowed = false) {
  LineParser parser;
  std::vector<LineError> errors;
  parser.Parse(line, 7, header_allowed, errors);
  return errors;
}

LineError At(std::string field, std::string key) { return {7, std::move(field), "interchange.error." + key, 0}; }

TEST(InterchangeParse, AcceptsAValidRecordAndBlankLine) {
  LineParser parser;
  std::vector<LineError> errors;
  auto p = parser.Parse(R"({"type":"team","id":"T1","name":"West","kind":"intervention"})", 1, true, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(p.kind, ParsedLine::Kind::kRecord);
  EXPECT_EQ(p.type, RecordType::kTeam);
  EXPECT_EQ(parser.Parse("   ", 2, false, errors).kind, ParsedLine::Kind::kBlank);
}

TEST(InterchangeParse, HeaderOnlyFirst) {
  const auto header = R"({"type":"header","format":"hearth-interchange","version":1})";
  EXPECT_TRUE(ErrorsOf(header, true).empty());
  EXPECT_EQ(ErrorsOf(header, false), std::vector{At("type", "header_not_first")});
  EXPECT_EQ(ErrorsOf(R"({"type":"header","format":"x","version":1})", true),
            std::vector{At("format", "header_format")});
  EXPECT_EQ(ErrorsOf(R"({"type":"header","format":"hearth-interchange","version":2})", true),
            std::vector{At("version", "header_version")});
}

TEST(InterchangeParse, NotJsonAndUnknownType) {
  EXPECT_EQ(ErrorsOf("{not json"), std::vector{At("", "not_json")});
  EXPECT_EQ(ErrorsOf("[1,2]"), std::vector{At("", "not_json")});
  EXPECT_EQ(ErrorsOf(R"({"id":"x"})"), std::vector{At("type", "required")});
  EXPECT_EQ(ErrorsOf(R"({"type":"household","id":"x"})"), std::vector{At("type", "unknown_type")});
}

TEST(InterchangeParse, RequiredUnknownAndTypedFields) {
  EXPECT_EQ(ErrorsOf(R"({"type":"team","id":"T1","kind":"intervention"})"), std::vector{At("name", "required")});
  EXPECT_EQ(ErrorsOf(R"({"type":"team","id":"T1","name":null,"kind":"intervention"})"),
            std::vector{At("name", "required")});
  EXPECT_EQ(ErrorsOf(R"({"type":"team","id":"T1","name":"W","kind":"intervention","colour":"red"})"),
            std::vector{At("colour", "unknown_field")});
  EXPECT_EQ(ErrorsOf(R"({"type":"team","id":"","name":"W","kind":"intervention"})"), std::vector{At("id", "empty")});
  EXPECT_EQ(ErrorsOf(R"({"type":"team","id":3,"name":"W","kind":"intervention"})"), std::vector{At("id", "not_text")});
  EXPECT_EQ(ErrorsOf(R"({"type":"team","id":"T1","name":"W","kind":"care"})"), std::vector{At("kind", "not_in_list")});
  EXPECT_EQ(ErrorsOf(R"({"type":"oversight","id":"O","episode":"E","on":"2024-01-01","manager":"W",)"
                     R"("considered_plan_effectiveness":"yes"})"),
            std::vector{At("considered_plan_effectiveness", "not_bool")});
  EXPECT_EQ(ErrorsOf(R"({"type":"referral","id":"R","family":"F","received_on":"2024-01-01","source":"school",)"
                     R"("decision":"advice","reasons":["housing","money"]})"),
            std::vector{At("reasons", "not_in_list")});
  EXPECT_EQ(ErrorsOf(R"({"type":"service","id":"S","name":"Housing","kind":null})"), std::vector<LineError>{});
}

TEST(InterchangeParse, DatesAreRealAndInRange) {
  for (auto date : {"2023-02-29", "1899-12-31", "2101-01-01", "2024-1-05", "05/01/2024"}) {
    const std::string line =
        R"({"type":"statutory","id":"S","family":"F","kind":"looked_after","started_on":")" + std::string(date) + "\"}";
    EXPECT_EQ(ErrorsOf(line), std::vector{At("started_on", "not_date")}) << date;
  }
  EXPECT_TRUE(ErrorsOf(R"({"type":"statutory","id":"S","family":"F","kind":"looked_after","started_on":"2024-02-29"})")
                  .empty());
}

TEST(InterchangeParse, ScoresAndAnswers) {
  const std::string head = R"({"type":"assessment","id":"A","episode":"E","instrument":"resilience","stage":"initial",)"
                           R"("on":"2024-01-01","scores":)";
  EXPECT_EQ(ErrorsOf(head + R"({"environment":4,"adversity":5,"resilience":30,"vulnerability":10}})"),
            std::vector{At("scores.environment", "score_range")});
  EXPECT_EQ(ErrorsOf(head + R"({"environment":5,"adversity":5.5,"resilience":30,"vulnerability":10}})"),
            std::vector{At("scores.adversity", "not_integer")});
  EXPECT_EQ(ErrorsOf(head + R"({"environment":5,"adversity":5,"resilience":30}})"),
            std::vector{At("scores.vulnerability", "required")});
  const std::string feedback = R"({"type":"feedback","id":"F","episode":"E","on":"2024-01-01","form":)";
  EXPECT_EQ(ErrorsOf(feedback + R"("service_user","answers":{"q":1}})"),
            std::vector{At("answers.satisfaction", "required")});
  EXPECT_EQ(ErrorsOf(feedback + R"("service_user","answers":{"satisfaction":"ecstatic"}})"),
            std::vector{At("answers.satisfaction", "not_in_list")});
  EXPECT_TRUE(ErrorsOf(feedback + R"("relationship","answers":{"q":1}})").empty());
  EXPECT_EQ(ErrorsOf(feedback + R"("relationship","answers":[1]})"), std::vector{At("answers", "not_object")});
}

}  // namespace
}  // namespace hearth::interchange
