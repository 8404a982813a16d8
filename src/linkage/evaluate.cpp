#include "linkage/evaluate.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <numeric>
#include <vector>

#include "linkage/evaluate_io.hpp"

namespace hearth::linkage {
namespace {
using eval::CsvReader;
using eval::IdIndex;
constexpr std::uint32_t kMissing = IdIndex::kMissing;

Error Fail(std::string message) { return Error{ErrorCode::kValidation, std::move(message), "error.validation", {}}; }

std::uint64_t Choose2(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

PairScores Score(std::uint64_t predicted, std::uint64_t tp, std::uint64_t truth) {
  PairScores s{predicted, tp, truth, 0, 0, 0};
  s.precision = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : (truth ? 0.0 : 1.0);
  s.recall = truth ? static_cast<double>(tp) / static_cast<double>(truth) : 1.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

// A header's column by name, else `fallback` (when the file has that many columns), else none.
std::optional<std::size_t> Column(const std::vector<std::string_view>& header,
                                  std::initializer_list<std::string_view> names, std::optional<std::size_t> fallback) {
  for (std::string_view name : names) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it != header.end()) return static_cast<std::size_t>(it - header.begin());
  }
  if (fallback && *fallback < header.size()) return fallback;
  return std::nullopt;
}

Result<CsvReader*> Open(CsvReader& reader, const std::filesystem::path& path, std::vector<std::string_view>& header) {
  if (!reader.IsOpen()) return Fail("cannot read " + path.string());
  if (!reader.Next(header)) return Fail(path.string() + " is empty (no header row)");
  return &reader;
}

// Every record of both files, each with a global index (second-file records follow the first's) and an entity.
struct Universe {
  IdIndex first;
  IdIndex second;
  bool two_files = false;
  std::vector<std::uint32_t> entity;
  std::uint32_t entities = 0;

  std::uint32_t FirstCount() const { return first.Size(); }
  std::uint32_t Total() const { return first.Size() + second.Size(); }
  std::uint32_t InFirst(std::string_view id) const { return first.Find(id); }
  std::uint32_t InSecond(std::string_view id) const {
    const std::uint32_t r = second.Find(id);
    return r == kMissing ? kMissing : FirstCount() + r;
  }
  std::uint32_t Any(std::string_view id) const {
    const std::uint32_t r = InFirst(id);
    return r != kMissing || !two_files ? r : InSecond(id);
  }
};

Result<void> ReadRecords(const std::filesystem::path& path, const EvaluationOptions& options, IdIndex& ids,
                         EvaluationProblems& problems) {
  CsvReader reader(path, options.delimiter);
  std::vector<std::string_view> row;
  auto opened = Open(reader, path, row);
  if (!opened) return opened.error();
  std::optional<std::size_t> column;
  if (!options.id_column.empty()) {
    column = Column(row, {options.id_column}, std::nullopt);
    if (!column) return Fail(path.string() + " has no column " + options.id_column);
  } else {
    column = Column(row, {"rec_id", "record_id", "id"}, 0);
  }
  while (reader.Next(row)) {
    if (*column >= row.size()) continue;  // a ragged row without an id
    bool added = false;
    ids.Insert(row[*column], &added);
    if (!added) ++problems.duplicate_record_ids;
  }
  return {};
}

// The entity of every record: from the truth file, or from the id ("e17-2" is entity "e17").
Result<void> AssignEntities(const EvaluationOptions& options, Universe& u, EvaluationProblems& problems) {
  IdIndex entities;
  u.entity.assign(u.Total(), kMissing);
  if (options.truth) {
    CsvReader reader(*options.truth, options.delimiter);
    std::vector<std::string_view> row;
    auto opened = Open(reader, *options.truth, row);
    if (!opened) return opened.error();
    const auto id_col = Column(row, {"record_id", "rec_id", "id"}, 0);
    const auto entity_col = Column(row, {"entity_id", "entity", "cluster_id"}, 1);
    if (!id_col || !entity_col) return Fail(options.truth->string() + " needs record_id and entity_id columns");
    while (reader.Next(row)) {
      if (std::max(*id_col, *entity_col) >= row.size()) continue;
      const std::uint32_t e = entities.Insert(row[*entity_col]);
      // An id present in both files (possible when each file numbers its own records) takes the entity in both.
      for (std::uint32_t r : {u.InFirst(row[*id_col]), u.two_files ? u.InSecond(row[*id_col]) : kMissing}) {
        if (r != kMissing) u.entity[r] = e;
      }
    }
  } else {
    bool any_dash = false;
    for (std::uint32_t r = 0; r < u.Total(); ++r) {
      const std::string_view id = r < u.FirstCount() ? u.first.At(r) : u.second.At(r - u.FirstCount());
      const std::size_t dash = id.find('-');
      any_dash = any_dash || dash != std::string_view::npos;
      u.entity[r] = entities.Insert(id.substr(0, dash));
    }
    if (!any_dash && u.Total() > 0) return Fail("the record ids carry no entity (<entity>-<n>): give --truth");
  }
  std::uint32_t next = entities.Size();
  for (std::uint32_t& e : u.entity) {
    if (e != kMissing) continue;
    ++problems.records_without_truth;
    e = next++;  // a person of their own
  }
  u.entities = next;
  return {};
}

// A pair of global record indices as one key (lower index first for one file, left file first for two), or
// nothing when the pair cannot count.
std::optional<std::uint64_t> PairKey(const Universe& u, std::string_view left, std::string_view right,
                                     EvaluationProblems& problems) {
  std::uint32_t a = u.InFirst(left);
  std::uint32_t b = u.two_files ? u.InSecond(right) : u.InFirst(right);
  if (u.two_files && (a == kMissing || b == kMissing)) {  // listed the other way round?
    const std::uint32_t swapped_a = u.InFirst(right);
    const std::uint32_t swapped_b = u.InSecond(left);
    if (swapped_a != kMissing && swapped_b != kMissing) {
      a = swapped_a;
      b = swapped_b;
    } else if (u.Any(left) != kMissing && u.Any(right) != kMissing) {
      ++problems.same_file_pairs;
      return std::nullopt;
    }
  }
  if (a == kMissing || b == kMissing) {
    ++problems.unknown_ids;
    return std::nullopt;
  }
  if (a == b) {
    ++problems.self_pairs;
    return std::nullopt;
  }
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

std::uint64_t SortUnique(std::vector<std::uint64_t>& keys) {
  std::sort(keys.begin(), keys.end());
  const auto end = std::unique(keys.begin(), keys.end());
  const auto duplicates = static_cast<std::uint64_t>(keys.end() - end);
  keys.erase(end, keys.end());
  return duplicates;
}

Result<std::vector<std::uint64_t>> ReadPairs(const std::filesystem::path& path, const EvaluationOptions& options,
                                             const Universe& u, EvaluationProblems& problems) {
  CsvReader reader(path, options.delimiter);
  std::vector<std::string_view> row;
  auto opened = Open(reader, path, row);
  if (!opened) return opened.error();
  const auto left = Column(row, {"left_id", "id_l", "rec_id_l"}, 0);
  const auto right = Column(row, {"right_id", "id_r", "rec_id_r"}, 1);
  const auto probability = Column(row, {"match_probability"}, std::nullopt);
  if (!left || !right) return Fail(path.string() + " needs left_id and right_id columns");
  std::vector<std::uint64_t> keys;
  while (reader.Next(row)) {
    if (std::max(*left, *right) >= row.size()) continue;
    if (options.threshold && probability && *probability < row.size()) {
      const std::string_view text = row[*probability];
      double p = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), p);
      if (ec != std::errc() || end != text.data() + text.size()) {
        ++problems.bad_probabilities;
      } else if (p < *options.threshold) {
        ++problems.below_threshold;
        continue;
      }
    }
    if (auto key = PairKey(u, row[*left], row[*right], problems)) keys.push_back(*key);
  }
  problems.duplicate_pairs += SortUnique(keys);
  return keys;
}

// Connected components of the pairs (union-find with path halving): the clusters a pair list implies.
std::vector<std::uint32_t> Components(std::uint32_t n, const std::vector<std::uint64_t>& pairs) {
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::uint64_t key : pairs) {
    const std::uint32_t a = find(static_cast<std::uint32_t>(key >> 32));
    const std::uint32_t b = find(static_cast<std::uint32_t>(key & 0xFFFFFFFFu));
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  for (std::uint32_t i = 0; i < n; ++i) parent[i] = find(i);
  return parent;
}

Result<std::vector<std::uint32_t>> ReadClusters(const std::filesystem::path& path, const EvaluationOptions& options,
                                                const Universe& u, EvaluationProblems& problems) {
  CsvReader reader(path, options.delimiter);
  std::vector<std::string_view> row;
  auto opened = Open(reader, path, row);
  if (!opened) return opened.error();
  const auto id_col = Column(row, {"record_id", "rec_id", "id"}, 0);
  const auto cluster_col = Column(row, {"cluster_id", "cluster"}, 1);
  if (!id_col || !cluster_col) return Fail(path.string() + " needs record_id and cluster_id columns");
  IdIndex clusters;
  std::vector<std::uint32_t> cluster_of(u.Total(), kMissing);
  while (reader.Next(row)) {
    if (std::max(*id_col, *cluster_col) >= row.size()) continue;
    const std::uint32_t r = u.Any(row[*id_col]);
    if (r == kMissing) {
      ++problems.unknown_ids;
      continue;
    }
    if (cluster_of[r] != kMissing) {
      ++problems.reclustered_records;
      continue;
    }
    cluster_of[r] = clusters.Insert(row[*cluster_col]);
  }
  std::uint32_t next = clusters.Size();
  for (std::uint32_t& c : cluster_of) {
    if (c != kMissing) continue;
    ++problems.unclustered_records;
    c = next++;
  }
  return cluster_of;
}

// Blocking recall needs the candidate list (only true pairs among it are kept); the reduction ratio only its size.
Result<void> ScoreBlocking(const EvaluationOptions& options, const Universe& u, Evaluation& out) {
  if (options.candidates) out.blocking.candidates = *options.candidates;
  if (options.candidate_pairs) {
    CsvReader reader(*options.candidate_pairs, options.delimiter);
    std::vector<std::string_view> row;
    auto opened = Open(reader, *options.candidate_pairs, row);
    if (!opened) return opened.error();
    const auto left = Column(row, {"left_id", "id_l"}, 0);
    const auto right = Column(row, {"right_id", "id_r"}, 1);
    if (!left || !right) return Fail(options.candidate_pairs->string() + " needs left_id and right_id columns");
    std::uint64_t rows = 0;
    std::vector<std::uint64_t> true_keys;
    EvaluationProblems ignored;  // a candidate list's problems are not the linkage's
    while (reader.Next(row)) {
      if (std::max(*left, *right) >= row.size()) continue;
      ++rows;
      const auto key = PairKey(u, row[*left], row[*right], ignored);
      if (key && u.entity[*key >> 32] == u.entity[*key & 0xFFFFFFFFu]) true_keys.push_back(*key);
    }
    SortUnique(true_keys);
    if (!out.blocking.candidates) out.blocking.candidates = rows;
    out.blocking.true_candidates = true_keys.size();
    out.blocking.recall = Score(rows, true_keys.size(), out.cluster_pairs.true_pairs).recall;
  }
  if (out.blocking.candidates && out.comparison_space > 0) {
    out.blocking.reduction_ratio =
        1.0 - static_cast<double>(*out.blocking.candidates) / static_cast<double>(out.comparison_space);
  }
  return {};
}

}  // namespace

Result<Evaluation> EvaluateLinkage(const EvaluationOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.pairs.has_value() == options.clusters.has_value()) return Fail("give one of --pairs or --clusters");
  Evaluation out;
  Universe u;
  u.two_files = options.second_input.has_value();
  if (auto r = ReadRecords(options.input, options, u.first, out.problems); !r) return r.error();
  if (u.two_files) {
    if (auto r = ReadRecords(*options.second_input, options, u.second, out.problems); !r) return r.error();
  }
  if (auto r = AssignEntities(options, u, out.problems); !r) return r.error();
  out.records = u.first.Size();
  out.records_second = u.second.Size();
  out.entities = u.entities;
  out.comparison_space = u.two_files ? out.records * out.records_second : Choose2(out.records);

  std::vector<std::uint32_t> cluster_of;
  if (options.pairs) {
    out.source = "pairs";
    auto pairs = ReadPairs(*options.pairs, options, u, out.problems);
    if (!pairs) return pairs.error();
    std::uint64_t tp = 0;
    for (std::uint64_t key : *pairs) tp += u.entity[key >> 32] == u.entity[key & 0xFFFFFFFFu] ? 1 : 0;
    out.listed_pairs = Score(pairs->size(), tp, 0);  // true pairs filled in by ScoreClusters
    cluster_of = Components(u.Total(), *pairs);
  } else {
    out.source = "clusters";
    auto clusters = ReadClusters(*options.clusters, options, u, out.problems);
    if (!clusters) return clusters.error();
    cluster_of = std::move(*clusters);
  }
  eval::ScoreClusters(cluster_of, u.entity, u.FirstCount(), u.two_files, out);
  if (out.listed_pairs) {
    *out.listed_pairs =
        Score(out.listed_pairs->predicted, out.listed_pairs->true_positives, out.cluster_pairs.true_pairs);
  }

  if (auto r = ScoreBlocking(options, u, out); !r) return r.error();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace hearth::linkage
