// A small streaming writer of JSON Lines for the interchange export: one record per line, built in place in a
// buffer that is handed to the stream in large blocks, so that millions of records cost no per-record allocation.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace hearth::demo {

// Days since 1970-01-01: the generator does its date arithmetic on plain integers.
using Day = int;

class JsonLinesWriter;

// One object being written. Keys are written in call order; `missing_as_null` says how an absent optional field
// appears (`"key":null`, or not at all), since INTERCHANGE.md allows both and an importer must accept both.
class RecordLine {
 public:
  RecordLine& Text(std::string_view key, std::string_view value);
  RecordLine& Date(std::string_view key, Day day);
  RecordLine& Int(std::string_view key, long long value);
  RecordLine& Bool(std::string_view key, bool value);
  RecordLine& Null(std::string_view key);
  RecordLine& OptText(std::string_view key, std::optional<std::string_view> value);
  RecordLine& OptDate(std::string_view key, std::optional<Day> value);
  RecordLine& OptBool(std::string_view key, std::optional<bool> value);
  // A nested object or array under `key`; members are written with the same calls until the matching End*.
  RecordLine& BeginObject(std::string_view key);
  RecordLine& EndObject();
  RecordLine& BeginArray(std::string_view key);
  RecordLine& Element(std::string_view text);  // a string element of the open array
  RecordLine& EndArray();
  // Closes the line; the writer may pass its buffer to the stream now.
  void End();

 private:
  friend class JsonLinesWriter;
  RecordLine(JsonLinesWriter& writer, std::string& buffer, bool missing_as_null)
      : writer_(writer), buffer_(buffer), missing_as_null_(missing_as_null) {}
  void Key(std::string_view key);
  void Missing(std::string_view key);

  JsonLinesWriter& writer_;
  std::string& buffer_;
  bool missing_as_null_;
  bool needs_comma_ = true;  // after "type"
};

class JsonLinesWriter {
 public:
  explicit JsonLinesWriter(std::ostream& out);
  JsonLinesWriter(const JsonLinesWriter&) = delete;
  JsonLinesWriter& operator=(const JsonLinesWriter&) = delete;

  // Starts a record of `type`; `type` must outlive the writer (the per-type counts keep the view).
  RecordLine Begin(std::string_view type, bool missing_as_null = false);
  // Passes what is buffered to the stream; false once the stream has failed.
  bool Flush();

  long long Records() const { return records_; }
  const std::map<std::string_view, long long>& Counts() const { return counts_; }

 private:
  friend class RecordLine;
  void LineEnded();

  std::ostream& out_;
  std::string buffer_;
  long long records_ = 0;
  std::map<std::string_view, long long> counts_;
};

// Appends a string as a JSON string literal: quotes, backslashes and control characters escaped, UTF-8 as is.
void AppendJsonString(std::string& out, std::string_view text);
// Appends "YYYY-MM-DD".
void AppendDay(std::string& out, Day day);

}  // namespace hearth::demo
