// `hearth link generate`: synthetic UK-like person records with ground truth, streamed to the output so that
// 10,000,000 records need no more memory than 1,000. Records are shuffled within windows of 2^18 rows (all copies
// of a person fall in one window), so a file is not ordered by person but the memory stays bounded.
#pragma once
#include <cstdint>
#include <ostream>

#include "linkage/generate/corrupt.hpp"
#include "linkage/generate/error_levels.hpp"
#include "linkage/generate/nicknames.hpp"

namespace hearth::linkage::generate {

// peer:   rec_id,first_name,surname,dob,sex,postcode,street with rec_id = e<entity>-<copy> and ISO dates (the
//         layout the DuckDB peer reads; its F1 takes the entity from the id).
// hearth: record_id,given_name,family_name,date_of_birth,sex,postcode,house_number,street with opaque record ids
//         (r00000001 in the first file, s00000001 in the second), dates as dd/mm/yyyy; the truth is only in --truth.
enum class OutputFormat { kPeer, kHearth };

struct GenerateOptions {
  std::uint64_t records = 1000;  // in each file
  std::uint64_t seed = 1;
  ErrorLevel level = ErrorLevel::kModerate;
  OutputFormat format = OutputFormat::kPeer;
  bool two_files = false;
  double overlap = 0.5;  // with two files: the share of either file's people who are also in the other
};

struct GenerateStats {
  std::uint64_t records_first = 0;
  std::uint64_t records_second = 0;
  std::uint64_t households = 0;
  std::uint64_t entities = 0;           // people with at least one record
  std::uint64_t true_pairs_first = 0;   // pairs of records of one person within the first file
  std::uint64_t true_pairs_second = 0;  // ... within the second
  std::uint64_t true_pairs_cross = 0;   // one record in each file
  CorruptionCounts corruptions;
};

// Writes the header and rows of the first file to `first` (and of the second to `second` when two_files), and
// `record_id,entity_id` rows for every record of both to `truth` when it is not null.
GenerateStats Generate(const GenerateOptions& options, const NicknameTable& nicknames, std::ostream& first,
                       std::ostream* second, std::ostream* truth);

}  // namespace hearth::linkage::generate
