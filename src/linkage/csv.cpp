#include "linkage/csv.hpp"

#include <cstdio>
#include <cstring>
#include <memory>

namespace hearth::linkage {

namespace {
Error ReadError(const std::string& message) { return Error{ErrorCode::kValidation, message, "linkage.read_error", {}}; }
}  // namespace

Result<CsvFile> CsvFile::Open(const std::string& path, char delimiter) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return ReadError(path + ": cannot open: " + std::strerror(errno));
  if (std::fseek(f.get(), 0, SEEK_END) != 0) return ReadError(path + ": not a regular file");
  const long size = std::ftell(f.get());
  if (size < 0) return ReadError(path + ": not a regular file");
  if (size > static_cast<long>(UINT32_MAX)) return ReadError(path + ": files over 4 GiB are not supported");
  std::fseek(f.get(), 0, SEEK_SET);
  BigVector<char> buffer(static_cast<size_t>(size));
  if (size > 0 && std::fread(buffer.data(), 1, buffer.size(), f.get()) != buffer.size())
    return ReadError(path + ": read failed");
  return CsvFile(std::move(buffer), delimiter, path);
}

CsvFile CsvFile::FromText(std::string_view text, char delimiter) {
  return CsvFile(BigVector<char>(text.begin(), text.end()), delimiter, "<text>");
}

CsvFile::CsvFile(BigVector<char> buffer, char delimiter, std::string path)
    : buffer_(std::move(buffer)), path_(std::move(path)), delimiter_(delimiter) {
  if (buffer_.size() >= 3 && std::string_view(buffer_.data(), 3) == "\xEF\xBB\xBF") pos_ = 3;
  ReadHeader();
}

uint64_t CsvFile::CountLines() const {
  uint64_t lines = 0;
  const char* p = buffer_.data();
  const char* end = p + buffer_.size();
  while (p < end && (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr) {
    ++lines;
    ++p;
  }
  return lines + 1;
}

void CsvFile::ReadHeader() {
  std::vector<std::string_view> fields;
  if (NextRow(fields)) header_ = fields;
}

bool CsvFile::NextRow(std::vector<std::string_view>& fields) {
  fields.clear();
  char* data = buffer_.data();
  const size_t end = buffer_.size();
  // Blank lines separate nothing in linkage input: skip them.
  while (pos_ < end && (data[pos_] == '\n' || data[pos_] == '\r')) {
    if (data[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= end) return false;
  row_line_ = line_;
  for (;;) {
    size_t start = pos_;
    if (pos_ < end && data[pos_] == '"') {
      // Quoted: unescape "" in place; the field ends at the closing quote.
      size_t out = ++pos_;
      start = out;
      bool closed = false;
      while (pos_ < end) {
        char c = data[pos_];
        if (c == '"') {
          if (pos_ + 1 < end && data[pos_ + 1] == '"') {
            data[out++] = '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (c == '\n') ++line_;
        data[out++] = c;
        ++pos_;
      }
      if (!closed) ++unterminated_quotes_;
      // Text after the closing quote (malformed) is kept rather than dropped.
      while (pos_ < end && data[pos_] != delimiter_ && data[pos_] != '\n' && data[pos_] != '\r') data[out++] = data[pos_++];
      fields.emplace_back(data + start, out - start);
    } else {
      const char* p = data + pos_;
      const char* stop = p;
      const char* limit = data + end;
      while (stop < limit && *stop != delimiter_ && *stop != '\n' && *stop != '\r') ++stop;
      pos_ = static_cast<size_t>(stop - data);
      fields.emplace_back(data + start, pos_ - start);
    }
    if (pos_ >= end) return true;
    char c = data[pos_];
    if (c == delimiter_) {
      ++pos_;
      if (pos_ >= end) {
        fields.emplace_back();
        return true;
      }
      continue;
    }
    // End of row: \n, \r\n or a lone \r.
    if (c == '\r') ++pos_;
    if (pos_ < end && data[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

}  // namespace hearth::linkage
