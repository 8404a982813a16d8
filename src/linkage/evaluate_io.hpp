// The evaluator's input plumbing: a streaming RFC 4180 reader (quotes, doubled quotes, CRLF, a UTF-8 BOM) and a
// compact id -> dense index table. Both are sized for files of 10,000,000 rows: the reader holds one buffer and
// one row; the index keeps every id once in a single arena (no per-id allocation).
#pragma once
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/evaluate.hpp"

namespace hearth::linkage::eval {

class CsvReader {
 public:
  explicit CsvReader(const std::filesystem::path& path, char delimiter = ',');
  bool IsOpen() const { return file_ != nullptr; }

  // The next row's fields, or false at the end of the file. Blank lines are skipped. The views stay valid until
  // the next call.
  bool Next(std::vector<std::string_view>& fields);

 private:
  int Get() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_++]);
  }
  void Unget() { --pos_; }  // only directly after a successful Get()
  bool Fill();
  int ReadQuoted(int c);

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_holder_;
  std::FILE* file_ = nullptr;
  char delimiter_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool first_fill_ = true;
  std::string row_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
  std::uint64_t rows_ = 0;
};

// Ids to 0, 1, 2, ... in the order first seen. Open addressing (linear probing) over one arena of id text.
class IdIndex {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;

  // The id's index, adding it when new; `added` says which.
  std::uint32_t Insert(std::string_view id, bool* added = nullptr);
  std::uint32_t Find(std::string_view id) const;
  std::uint32_t Size() const { return static_cast<std::uint32_t>(starts_.size()); }
  std::string_view At(std::uint32_t index) const;

 private:
  static std::uint64_t Hash(std::string_view id);
  void Grow();

  std::string arena_;
  std::vector<std::uint64_t> starts_;  // id i is arena_[starts_[i], starts_[i + 1] or arena_.size())
  // Empty (all ones) or the id's hash's high 32 bits (which also choose the slot, so growing never rehashes the
  // text) over its index: most probes that miss are settled without touching the arena.
  std::vector<std::uint64_t> slots_;
};

// Fills evaluation.cluster_pairs (with the true pair count) and evaluation.clusters from each record's cluster and
// entity; records [0, n_first) are the first file's. evaluate_clusters.cpp.
void ScoreClusters(const std::vector<std::uint32_t>& cluster_of, const std::vector<std::uint32_t>& entity_of,
                   std::uint32_t n_first, bool two_files, Evaluation& evaluation);

}  // namespace hearth::linkage::eval
