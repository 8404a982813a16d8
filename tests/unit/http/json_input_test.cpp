// The strict JSON reader of the API: what a body may contain, and how each fault is reported.
#include "http/api/json_input.hpp"

#include <gtest/gtest.h>

#include "http/api/api_common.hpp"

namespace hearth::http {
namespace {

BodyProblem ProblemOf(std::string_view text, const JsonSchema& schema) {
  auto object = ParseJsonObject(text);
  if (!object) return object.error();
  auto problem = CheckSchema(*object, schema);
  if (!problem) {
    ADD_FAILURE() << "accepted: " << text;
    return {};
  }
  return *problem;
}

void ExpectAccepted(std::string_view text, const JsonSchema& schema) {
  auto object = ParseJsonObject(text);
  ASSERT_TRUE(object) << text << " -> " << object.error().code;
  auto problem = CheckSchema(*object, schema);
  EXPECT_FALSE(problem) << text << " -> " << problem->code << " " << problem->field;
}

TEST(JsonInput, AcceptsAKnownObject) {
  ExpectAccepted(R"({"area":"West","postcode":"CF37 1DL"})", api::FamilySchema());
  ExpectAccepted("{}", api::FamilySchema());
}

TEST(JsonInput, MalformedJsonIsInvalidJson) {
  for (std::string_view text : {"", "{", R"({"area":})", R"({"area":"West",})", "{} {}", R"({'area':'West'})",
                                "/* c */ {}", "{\"area\":\"\xff\"}"}) {
    auto object = ParseJsonObject(text);
    ASSERT_FALSE(object) << text;
    EXPECT_EQ(object.error().code, "invalid_json") << text;
    EXPECT_EQ(object.error().status, bhttp::status::bad_request);
  }
}

TEST(JsonInput, DuplicateMemberIsInvalidJson) {
  auto object = ParseJsonObject(R"({"area":"West","area":"East"})");
  ASSERT_FALSE(object);
  EXPECT_EQ(object.error().code, "invalid_json");
  EXPECT_EQ(object.error().message_key, "api_error.duplicate_member");
  // The same key in different objects is fine.
  EXPECT_TRUE(ParseJsonObject(R"({"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]})"));
}

TEST(JsonInput, TopLevelMustBeAnObject) {
  for (std::string_view text : {"[]", "\"area\"", "42", "null", "true"}) {
    auto object = ParseJsonObject(text);
    ASSERT_FALSE(object) << text;
    EXPECT_EQ(object.error().code, "not_object") << text;
    EXPECT_EQ(object.error().status, bhttp::status::bad_request);
  }
}

TEST(JsonInput, UnknownFieldIsNamed) {
  auto p = ProblemOf(R"({"area":"West","colour":"blue"})", api::FamilySchema());
  EXPECT_EQ(p.status, bhttp::status::bad_request);
  EXPECT_EQ(p.code, "unknown_field");
  EXPECT_EQ(p.field, "colour");
}

TEST(JsonInput, WrongTypeIsNamed) {
  auto p = ProblemOf(R"({"area":5})", api::FamilySchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "area");
  p = ProblemOf(R"({"area":["West"]})", api::FamilySchema());
  EXPECT_EQ(p.code, "wrong_type");
  p = ProblemOf(R"({"reasons":"housing"})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "reasons");
  p = ProblemOf(R"({"consent_given":"true"})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "consent_given");
}

TEST(JsonInput, IntegersMustBeIntegers) {
  for (std::string_view text : {R"({"version":"3"})", R"({"version":3.0})", R"({"version":3.5})",
                                R"({"version":1e2})", R"({"version":true})"}) {
    auto p = ProblemOf(text, api::FamilyUpdateSchema());
    EXPECT_EQ(p.code, "wrong_type") << text;
    EXPECT_EQ(p.field, "version") << text;
  }
  for (std::string_view text : {R"({"version":0})", R"({"version":-1})", R"({"version":2147483648})",
                                R"({"version":18446744073709551615})"}) {
    auto p = ProblemOf(text, api::FamilyUpdateSchema());
    EXPECT_EQ(p.status, bhttp::status::unprocessable_entity) << text;
    ASSERT_EQ(p.fields.size(), 1u) << text;
    EXPECT_EQ(p.fields[0].field, "version");
    EXPECT_EQ(p.fields[0].message_key, "api_error.integer_range");
  }
  ExpectAccepted(R"({"version":2147483647})", api::FamilyUpdateSchema());
  ExpectAccepted(R"({"family_id":9007199254740993})", api::ReferralSchema());
}

TEST(JsonInput, NullMeansAbsent) {
  auto object = ParseJsonObject(R"({"area":"West","postcode":null,"town":null})");
  ASSERT_TRUE(object);
  EXPECT_FALSE(CheckSchema(*object, api::FamilySchema()));
  Input in = ToInput(*object);
  EXPECT_TRUE(in.Has("area"));
  EXPECT_FALSE(in.Has("postcode"));
  EXPECT_FALSE(in.Has("town"));
}

TEST(JsonInput, RequiredMemberMissingOrNull) {
  for (std::string_view text : {R"({"area":"West"})", R"({"area":"West","version":null})"}) {
    auto p = ProblemOf(text, api::FamilyUpdateSchema());
    EXPECT_EQ(p.status, bhttp::status::unprocessable_entity) << text;
    ASSERT_EQ(p.fields.size(), 1u);
    EXPECT_EQ(p.fields[0].field, "version");
    EXPECT_EQ(p.fields[0].message_key, "error.required");
  }
}

TEST(JsonInput, StringArrayWithANonString) {
  auto p = ProblemOf(R"({"reasons":["housing",3]})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "reasons[1]");
  p = ProblemOf(R"({"share_with":[null]})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "share_with[0]");
}

TEST(JsonInput, StringArrayBecomesRepeatedValues) {
  auto object = ParseJsonObject(R"({"reasons":["housing","crime"],"consent_given":false,"family_id":12})");
  ASSERT_TRUE(object);
  EXPECT_FALSE(CheckSchema(*object, api::ReferralSchema()));
  Input in = ToInput(*object);
  EXPECT_EQ(in.GetAll("reasons"), (std::vector<std::string>{"housing", "crime"}));
  EXPECT_EQ(in.Get("consent_given"), "false");
  EXPECT_EQ(in.Get("family_id"), "12");
  EXPECT_EQ(IntegerMember(*object, "family_id"), 12);
  EXPECT_FALSE(BoolMember(*object, "consent_given", true));
  EXPECT_TRUE(BoolMember(*object, "confirmed_new_family", true));
}

TEST(JsonInput, NestedObjectsAreCheckedWithTheirSchema) {
  ExpectAccepted(R"({"family":{"area":"West"},"people":[{"given_name":"Ann","role":"parent"}]})",
                 api::ReferralSchema());
  auto p = ProblemOf(R"({"family":{"area":"West","colour":"red"}})", api::ReferralSchema());
  EXPECT_EQ(p.code, "unknown_field");
  EXPECT_EQ(p.field, "family.colour");
  p = ProblemOf(R"({"people":[{"given_name":"Ann"},{"given_name":7}]})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "people[1].given_name");
  p = ProblemOf(R"({"people":[{"given_name":"Ann"},"Bob"]})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "people[1]");
  p = ProblemOf(R"({"family":"West"})", api::ReferralSchema());
  EXPECT_EQ(p.code, "wrong_type");
  EXPECT_EQ(p.field, "family");
  // Nested objects are not flattened into the parent's input.
  auto object = ParseJsonObject(R"({"family":{"area":"West"},"people":[{"given_name":"Ann"}]})");
  ASSERT_TRUE(object);
  EXPECT_FALSE(ToInput(*object).Has("family"));
  EXPECT_FALSE(ToInput(*object).Has("people"));
}

TEST(JsonInput, HugeStringIsAFieldError) {
  const std::string huge(kJsonMaxStringBytes + 1, 'a');
  auto p = ProblemOf(R"({"area":")" + huge + R"(","town":")" + huge + R"("})", api::FamilySchema());
  EXPECT_EQ(p.status, bhttp::status::unprocessable_entity);
  ASSERT_EQ(p.fields.size(), 2u);
  EXPECT_EQ(p.fields[0].field, "area");
  EXPECT_EQ(p.fields[0].message_key, "error.too_long");
  EXPECT_EQ(p.fields[1].field, "town");
  p = ProblemOf(R"({"people":[{"given_name":")" + huge + R"("}]})", api::ReferralSchema());
  ASSERT_EQ(p.fields.size(), 1u);
  EXPECT_EQ(p.fields[0].field, "people[0].given_name");
  ExpectAccepted(R"({"area":")" + std::string(kJsonMaxStringBytes, 'a') + R"("})", api::FamilySchema());
}

TEST(JsonInput, TooManyItems) {
  std::string people = R"({"people":[)";
  for (int i = 0; i < 31; ++i) people += std::string(i ? "," : "") + "{}";
  auto p = ProblemOf(people + "]}", api::ReferralSchema());
  ASSERT_EQ(p.fields.size(), 1u);
  EXPECT_EQ(p.fields[0].message_key, "api_error.too_many_items");
}

TEST(JsonInput, DeepNestingIsRefused) {
  std::string deep = R"({"a":)" + std::string(100, '[') + std::string(100, ']') + "}";
  auto object = ParseJsonObject(deep);
  ASSERT_FALSE(object);
  EXPECT_EQ(object.error().code, "invalid_json");
}

TEST(JsonInput, ContentTypeMustBeJson) {
  RawRequest req{bhttp::verb::post, "/api/v1/families", 11};
  EXPECT_TRUE(CheckJsonContentType(req));
  req.set(bhttp::field::content_type, "text/plain");
  ASSERT_TRUE(CheckJsonContentType(req));
  EXPECT_EQ(CheckJsonContentType(req)->status, bhttp::status::unsupported_media_type);
  EXPECT_EQ(CheckJsonContentType(req)->code, "unsupported_media_type");
  req.set(bhttp::field::content_type, "application/json; charset=latin1");
  EXPECT_TRUE(CheckJsonContentType(req));
  req.set(bhttp::field::content_type, "application/json");
  EXPECT_FALSE(CheckJsonContentType(req));
  req.set(bhttp::field::content_type, "Application/JSON; charset=UTF-8");
  EXPECT_FALSE(CheckJsonContentType(req));
}

}  // namespace
}  // namespace hearth::http
