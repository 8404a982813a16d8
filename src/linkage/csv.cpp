#include "linkage/csv.hpp"

#include <sys/mman.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace hearth::linkage {

namespace {
Error ReadError(const std::string& message) { return Error{ErrorCode::kValidation, message, "linkage.read_error", {}}; }
}  // namespace

MappedText MappedText::Map(int fd, size_t size) {
  MappedText m;
  if (size == 0) return m;
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return m;
  madvise(p, size, MADV_WILLNEED);  // read ahead: the file is parsed from start to end at once
  m.data_ = static_cast<char*>(p);
  m.size_ = size;
  return m;
}

MappedText& MappedText::operator=(MappedText&& other) noexcept {
  if (this != &other) {
    if (data_) munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedText::~MappedText() {
  if (data_) munmap(data_, size_);
}

Result<CsvFile> CsvFile::Open(const std::string& path, char delimiter) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return ReadError(path + ": cannot open: " + std::strerror(errno));
  if (std::fseek(f.get(), 0, SEEK_END) != 0) return ReadError(path + ": not a regular file");
  const long size = std::ftell(f.get());
  if (size < 0) return ReadError(path + ": not a regular file");
  if (size > static_cast<long>(UINT32_MAX)) return ReadError(path + ": files over 4 GiB are not supported");
  struct stat st {};
  if (size > 0 && fstat(fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode)) {
    MappedText mapped = MappedText::Map(fileno(f.get()), static_cast<size_t>(size));
    if (mapped.Data()) return CsvFile(std::move(mapped), delimiter, path);
  }
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
  data_ = buffer_.data();
  size_ = buffer_.size();
  Start();
}

CsvFile::CsvFile(MappedText mapped, char delimiter, std::string path)
    : mapped_(std::move(mapped)), path_(std::move(path)), delimiter_(delimiter) {
  data_ = mapped_.Data();
  size_ = mapped_.Size();
  Start();
}

void CsvFile::Start() {
  if (size_ >= 3 && std::string_view(data_, 3) == "\xEF\xBB\xBF") pos_ = 3;
  ReadHeader();
}

uint64_t CsvFile::CountLines() const {
  uint64_t lines = 0;
  const char* p = data_;
  const char* end = p + size_;
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
  return NextRowIn(pos_, size_, fields, line_, row_line_, unterminated_quotes_);
}

bool CsvFile::NextRowIn(size_t& pos, size_t end, std::vector<std::string_view>& fields, uint64_t& line,
                        uint64_t& row_line, uint64_t& unterminated) {
  fields.clear();
  char* data = data_;
  // Blank lines separate nothing in linkage input: skip them.
  while (pos < end && (data[pos] == '\n' || data[pos] == '\r')) {
    if (data[pos] == '\n') ++line;
    ++pos;
  }
  if (pos >= end) return false;
  row_line = line;
  for (;;) {
    size_t start = pos;
    if (pos < end && data[pos] == '"') {
      // Quoted: unescape "" in place; the field ends at the closing quote. Bytes are written only once the field has
      // shrunk (after a doubled quote): a mapped file's pages stay shared with the page cache.
      size_t out = ++pos;
      start = out;
      bool closed = false;
      while (pos < end) {
        char c = data[pos];
        if (c == '"') {
          if (pos + 1 < end && data[pos + 1] == '"') {
            data[out++] = '"';
            pos += 2;
            continue;
          }
          ++pos;
          closed = true;
          break;
        }
        if (c == '\n') ++line;
        if (out != pos) data[out] = c;
        ++out;
        ++pos;
      }
      if (!closed) ++unterminated;
      // Text after the closing quote (malformed) is kept rather than dropped.
      for (; pos < end && data[pos] != delimiter_ && data[pos] != '\n' && data[pos] != '\r'; ++pos, ++out)
        if (out != pos) data[out] = data[pos];
      fields.emplace_back(data + start, out - start);
    } else {
      const char* p = data + pos;
      const char* stop = p;
      const char* limit = data + end;
      while (stop < limit && *stop != delimiter_ && *stop != '\n' && *stop != '\r') ++stop;
      pos = static_cast<size_t>(stop - data);
      fields.emplace_back(data + start, pos - start);
    }
    if (pos >= end) return true;
    char c = data[pos];
    if (c == delimiter_) {
      ++pos;
      if (pos >= end) {
        fields.emplace_back();
        return true;
      }
      continue;
    }
    // End of row: \n, \r\n or a lone \r.
    if (c == '\r') ++pos;
    if (pos < end && data[pos] == '\n') {
      ++pos;
      ++line;
    }
    return true;
  }
}

std::vector<CsvFile::Range> CsvFile::SplitRows(size_t parts) const {
  const size_t begin = pos_, end = size_;
  std::vector<Range> ranges;
  if (parts <= 1 || end - begin < (size_t{1} << 20)) return {{begin, end}};
  // A newline ends a row only outside quotes: count quotes up to each nominal boundary, then move the boundary to
  // the next newline with an even number of quotes before it.
  const char* data = data_;
  size_t previous = begin, quotes = 0, counted_to = begin;
  for (size_t k = 1; k < parts; ++k) {
    size_t at = begin + (end - begin) * k / parts;
    if (at <= previous) continue;
    for (const char* q = data + counted_to; (q = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(data + at - q)))) != nullptr; ++q)
      ++quotes;
    counted_to = at;
    bool inside = quotes % 2 == 1;
    size_t i = at;
    for (; i < end; ++i) {
      if (data[i] == '"') inside = !inside;
      if (data[i] == '\n' && !inside) break;
    }
    if (i >= end) break;
    for (size_t j = at; j <= i; ++j) quotes += data[j] == '"';
    counted_to = i + 1;
    ranges.push_back({previous, i + 1});
    previous = i + 1;
  }
  ranges.push_back({previous, end});
  return ranges;
}

}  // namespace hearth::linkage
