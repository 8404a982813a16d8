// RFC 4180 CSV reading for linkage input: quoted fields with doubled quotes and embedded newlines, an optional
// UTF-8 byte order mark, CRLF or LF line ends, any one-byte delimiter. A regular file is mapped privately (its
// pages come straight from the page cache: nothing is copied and no fresh page is zeroed, which on this kind of VM
// cost more than parsing); other input is read into memory. Fields are views into the text (quoted fields are
// unescaped in place, and only a field that changes writes, so only its page gets a private copy).
#pragma once
#include "linkage/big_vector.hpp"
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace hearth::linkage {

// A file mapped privately (copy on write), unmapped when destroyed; empty when the file could not be mapped.
class MappedText {
 public:
  MappedText() = default;
  static MappedText Map(int fd, size_t size);
  MappedText(MappedText&& other) noexcept { *this = std::move(other); }
  MappedText& operator=(MappedText&& other) noexcept;
  MappedText(const MappedText&) = delete;
  MappedText& operator=(const MappedText&) = delete;
  ~MappedText();
  char* Data() const { return data_; }
  size_t Size() const { return size_; }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
};

class CsvFile {
 public:
  // Reads the file; fails (naming the path) when it cannot be read or is over 4 GiB.
  static Result<CsvFile> Open(const std::string& path, char delimiter);
  // Parses text held in memory (tests, probes).
  static CsvFile FromText(std::string_view text, char delimiter);

  const std::vector<std::string_view>& Header() const { return header_; }
  // The next row's fields; false at the end of the file. A blank line is skipped.
  bool NextRow(std::vector<std::string_view>& fields);
  // 1-based line number where the last row returned by NextRow started (for messages).
  uint64_t RowLine() const { return row_line_; }
  const std::string& Path() const { return path_; }
  // Offset of a field inside the buffer (fields stay valid while this object lives).
  const char* Data() const { return data_; }
  // The rest of the file (after the rows read so far) cut into about `parts` byte ranges of whole rows, for
  // parsing in parallel; NextRowIn reads the rows of one range. Fields are unescaped in place, so ranges must be
  // read at most once each.
  struct Range {
    size_t begin, end;
  };
  std::vector<Range> SplitRows(size_t parts) const;
  bool NextRowIn(size_t& pos, size_t end, std::vector<std::string_view>& fields, uint64_t& line, uint64_t& row_line,
                 uint64_t& unterminated_quotes);
  // Line ends in the whole file: an upper bound on the rows (quoted newlines aside), for reserving space.
  uint64_t CountLines() const;
  // Fields that opened with a quote but reached the end of the file without a closing one.
  uint64_t UnterminatedQuotes() const { return unterminated_quotes_; }

 private:
  CsvFile(BigVector<char> buffer, char delimiter, std::string path);
  CsvFile(MappedText mapped, char delimiter, std::string path);
  void Start();
  void ReadHeader();

  BigVector<char> buffer_;  // the text when it was read rather than mapped
  MappedText mapped_;
  char* data_ = nullptr;
  size_t size_ = 0;
  std::string path_;
  char delimiter_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  uint64_t row_line_ = 0;
  uint64_t unterminated_quotes_ = 0;
  std::vector<std::string_view> header_;
};

}  // namespace hearth::linkage
