#include "linkage/generate/generator.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "linkage/generate/population.hpp"

namespace hearth::linkage::generate {
namespace {

constexpr std::size_t kWindowRows = std::size_t{1} << 18;
constexpr std::size_t kWriteChunk = std::size_t{1} << 20;

// Records per person in one file: half the people once, a quarter twice, and a few up to five times.
std::uint64_t CopiesInFile(Rng& rng) {
  const double roll = rng.Unit();
  if (roll < 0.50) return 1;
  if (roll < 0.75) return 2;
  if (roll < 0.90) return 3;
  if (roll < 0.97) return 4;
  return 5;
}

void AppendField(std::string& out, const std::string& field) {
  out += ',';
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// One output file: rows wait in a window (their text after the id in one arena), are shuffled, then written.
class OutputFile {
 public:
  OutputFile(std::ostream& out, std::ostream* truth, OutputFormat format, char id_prefix)
      : out_(out), truth_(truth), format_(format), id_prefix_(id_prefix) {
    out_ << (format == OutputFormat::kPeer ? "rec_id,first_name,surname,dob,sex,postcode,street\n"
                                           : "record_id,given_name,family_name,date_of_birth,sex,postcode,"
                                             "house_number,street\n");
  }

  std::uint64_t Count() const { return written_ + rows_.size(); }
  std::size_t Pending() const { return rows_.size(); }

  void Add(std::uint64_t entity, std::uint32_t copy, const RecordFields& f) {
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    for (const std::string* field : {&f.given, &f.family, &f.dob, &f.sex, &f.postcode}) AppendField(arena_, *field);
    if (format_ == OutputFormat::kHearth) AppendField(arena_, f.house_number);
    AppendField(arena_, f.street);
    rows_.push_back(Row{entity, copy, offset, static_cast<std::uint32_t>(arena_.size() - offset)});
  }

  void Flush(Rng& shuffle) {
    for (std::size_t i = rows_.size(); i > 1; --i) {
      std::swap(rows_[i - 1], rows_[shuffle.Below(static_cast<std::uint32_t>(i))]);
    }
    for (const Row& row : rows_) {
      id_.clear();
      ++written_;
      if (format_ == OutputFormat::kPeer) {
        id_ += 'e';
        id_ += std::to_string(row.entity);
        id_ += '-';
        id_ += std::to_string(row.copy);
      } else {
        const std::string n = std::to_string(written_);
        id_ += id_prefix_;
        id_.append(n.size() < 8 ? 8 - n.size() : 0, '0');
        id_ += n;
      }
      buffer_ += id_;
      buffer_.append(arena_, row.offset, row.length);
      buffer_ += '\n';
      if (truth_) {
        truth_buffer_ += id_;
        truth_buffer_ += ",e";
        truth_buffer_ += std::to_string(row.entity);
        truth_buffer_ += '\n';
      }
      if (buffer_.size() >= kWriteChunk) Drain();
    }
    Drain();
    rows_.clear();
    arena_.clear();
  }

 private:
  struct Row {
    std::uint64_t entity;
    std::uint32_t copy;
    std::uint32_t offset;
    std::uint32_t length;
  };

  void Drain() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (truth_) {
      truth_->write(truth_buffer_.data(), static_cast<std::streamsize>(truth_buffer_.size()));
      truth_buffer_.clear();
    }
  }

  std::ostream& out_;
  std::ostream* truth_;
  OutputFormat format_;
  char id_prefix_;
  std::string arena_;
  std::vector<Row> rows_;
  std::string buffer_;
  std::string truth_buffer_;
  std::string id_;
  std::uint64_t written_ = 0;
};

std::uint64_t PairsOf(std::uint64_t n) { return n * (n - (n > 0 ? 1 : 0)) / 2; }
}  // namespace

GenerateStats Generate(const GenerateOptions& options, const NicknameTable& nicknames, std::ostream& first,
                       std::ostream* second, std::ostream* truth) {
  const bool two = options.two_files && second != nullptr;
  const std::uint64_t quota = options.records;
  Rng rng(Mix64(options.seed));
  Rng shuffle(Mix64(options.seed ^ 0x73687566666C65ULL));
  const Population population(options.seed, two ? 2 * quota : quota);
  const RecordStyle style{options.format == OutputFormat::kPeer ? DateStyle::kIso : DateStyle::kUk,
                          options.format == OutputFormat::kPeer};
  Corruptor corruptor(RatesFor(options.level), nicknames, style);
  if (truth) *truth << "record_id,entity_id\n";
  OutputFile a(first, truth, options.format, 'r');
  std::optional<OutputFile> b;
  if (two) b.emplace(*second, truth, options.format, 's');

  // Each person is in both files, or in only one, with equal chances for the two: then each file holds about the
  // same number of people, and a share `overlap` of either file's people are in the other.
  const double overlap = std::clamp(options.overlap, 0.0, 1.0);
  const double both = overlap / (2 - overlap);
  const double first_only = (1 - both) / 2;

  GenerateStats stats;
  std::vector<Person> household;
  RecordFields fields;
  std::uint64_t entity = 0;
  while (a.Count() < quota || (b && b->Count() < quota)) {
    population.NextHousehold(rng, household);
    ++stats.households;
    for (const Person& person : household) {
      const double where = two ? rng.Unit() : 0.0;
      const bool in_a = !two || where < both + first_only;
      const bool in_b = two && (where < both || where >= both + first_only);
      const std::uint64_t want_a = in_a ? CopiesInFile(rng) : 0;
      const std::uint64_t want_b = in_b ? CopiesInFile(rng) : 0;
      const std::uint64_t na = std::min(want_a, quota - a.Count());
      const std::uint64_t nb = b ? std::min(want_b, quota - b->Count()) : 0;
      if (na + nb == 0) continue;
      ++entity;
      ++stats.entities;
      std::uint32_t copy = 0;
      for (std::uint64_t i = 0; i < na; ++i) {
        corruptor.MakeRecord(person, population, rng, fields);
        a.Add(entity, copy++, fields);
      }
      for (std::uint64_t i = 0; i < nb; ++i) {
        corruptor.MakeRecord(person, population, rng, fields);
        b->Add(entity, copy++, fields);
      }
      stats.true_pairs_first += PairsOf(na);
      stats.true_pairs_second += PairsOf(nb);
      stats.true_pairs_cross += na * nb;
    }
    if (a.Pending() >= kWindowRows || (b && b->Pending() >= kWindowRows)) {
      a.Flush(shuffle);
      if (b) b->Flush(shuffle);
    }
  }
  a.Flush(shuffle);
  if (b) b->Flush(shuffle);
  stats.records_first = a.Count();
  stats.records_second = b ? b->Count() : 0;
  stats.corruptions = corruptor.Counts();
  return stats;
}

}  // namespace hearth::linkage::generate
