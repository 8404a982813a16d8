#include "demo/json_lines_writer.hpp"

#include <chrono>

namespace hearth::demo {
namespace {
constexpr std::size_t kFlushAt = 1 << 20;  // 1 MiB blocks: few system calls, little memory

// Writes `value` as exactly `width` digits, zero-padded, ending just before `end`.
void PutDigits(char* end, unsigned value, int width) {
  for (int i = 1; i <= width; ++i) {
    end[-i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}
}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  // Names and ids almost never need escaping: copy the runs between escapes whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    if (byte < 0x20) {
      const char escape[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
      out.append(escape, sizeof escape);
    } else {
      const char escape[] = {'\\', static_cast<char>(byte)};
      out.append(escape, sizeof escape);
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void AppendDay(std::string& out, Day day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char text[10] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0};
  PutDigits(text + 4, static_cast<unsigned>(int(ymd.year())), 4);
  PutDigits(text + 7, unsigned(ymd.month()), 2);
  PutDigits(text + 10, unsigned(ymd.day()), 2);
  out.append(text, sizeof text);
}

void RecordLine::Key(std::string_view key) {
  if (needs_comma_) buffer_ += ',';
  needs_comma_ = true;
  buffer_ += '"';
  buffer_ += key;  // keys are the format's own field names: nothing to escape
  buffer_ += "\":";
}

void RecordLine::Missing(std::string_view key) {
  if (missing_as_null_) Null(key);
}

RecordLine& RecordLine::Text(std::string_view key, std::string_view value) {
  Key(key);
  AppendJsonString(buffer_, value);
  return *this;
}

RecordLine& RecordLine::Date(std::string_view key, Day day) {
  Key(key);
  buffer_ += '"';
  AppendDay(buffer_, day);
  buffer_ += '"';
  return *this;
}

RecordLine& RecordLine::Int(std::string_view key, long long value) {
  Key(key);
  buffer_ += std::to_string(value);
  return *this;
}

RecordLine& RecordLine::Bool(std::string_view key, bool value) {
  Key(key);
  buffer_ += value ? "true" : "false";
  return *this;
}

RecordLine& RecordLine::Null(std::string_view key) {
  Key(key);
  buffer_ += "null";
  return *this;
}

RecordLine& RecordLine::OptText(std::string_view key, std::optional<std::string_view> value) {
  if (value) return Text(key, *value);
  Missing(key);
  return *this;
}

RecordLine& RecordLine::OptDate(std::string_view key, std::optional<Day> value) {
  if (value) return Date(key, *value);
  Missing(key);
  return *this;
}

RecordLine& RecordLine::OptBool(std::string_view key, std::optional<bool> value) {
  if (value) return Bool(key, *value);
  Missing(key);
  return *this;
}

RecordLine& RecordLine::BeginObject(std::string_view key) {
  Key(key);
  buffer_ += '{';
  needs_comma_ = false;
  return *this;
}

RecordLine& RecordLine::EndObject() {
  buffer_ += '}';
  needs_comma_ = true;
  return *this;
}

RecordLine& RecordLine::BeginArray(std::string_view key) {
  Key(key);
  buffer_ += '[';
  needs_comma_ = false;
  return *this;
}

RecordLine& RecordLine::Element(std::string_view text) {
  if (needs_comma_) buffer_ += ',';
  needs_comma_ = true;
  AppendJsonString(buffer_, text);
  return *this;
}

RecordLine& RecordLine::EndArray() {
  buffer_ += ']';
  needs_comma_ = true;
  return *this;
}

void RecordLine::End() {
  buffer_ += "}\n";
  writer_.LineEnded();
}

JsonLinesWriter::JsonLinesWriter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + (64 << 10)); }

RecordLine JsonLinesWriter::Begin(std::string_view type, bool missing_as_null) {
  ++records_;
  ++counts_[type];
  buffer_ += "{\"type\":";
  AppendJsonString(buffer_, type);
  return RecordLine(*this, buffer_, missing_as_null);
}

void JsonLinesWriter::LineEnded() {
  if (buffer_.size() >= kFlushAt) Flush();
}

bool JsonLinesWriter::Flush() {
  if (!buffer_.empty()) out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  return static_cast<bool>(out_);
}

}  // namespace hearth::demo
