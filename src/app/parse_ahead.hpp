// The lines of an import file read and parsed on a second thread, a batch ahead of the thread that checks and writes
// them, so that the two halves of the work use the machine's two cores. Batches come out in file order; each line
// keeps its number and its field errors (in the order LineParser found them), so the import's report is the same as
// when one thread does everything.
#pragma once
#include <boost/json.hpp>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/import_service.hpp"
#include "domain/interchange_parse.hpp"

namespace hearth {

struct ParsedBatch {
  struct Line {
    std::uint32_t number = 0;
    interchange::ParsedLine parsed;  // its record points into `values`
    std::uint32_t errors_end = 0;    // this line's errors are errors[previous line's errors_end, errors_end)
  };
  // Owns every line's value; one block after another, freed with the batch.
  boost::json::monotonic_resource memory{std::size_t{1} << 20};
  std::vector<std::optional<boost::json::value>> values;  // sized once: records point into it
  std::vector<Line> lines;
  std::vector<interchange::LineError> errors;
  std::uint64_t position = 0;  // bytes of the file read by the end of this batch
};

class ParseAhead {
 public:
  // Starts reading `source` from where it stands; `source` is not touched by anyone else until this is destroyed.
  explicit ParseAhead(LineSource& source);
  ~ParseAhead();
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;

  // The next batch in file order; null at the end of the file. Rethrows what the reading thread threw.
  std::unique_ptr<ParsedBatch> Take();

 private:
  void Read();

  static constexpr std::size_t kBatchLines = 4096;
  static constexpr std::size_t kMaxQueued = 4;  // bounded: the reader waits rather than filling memory

  LineSource& source_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<ParsedBatch>> queue_;
  bool finished_ = false;  // the reader is done (end of file or an exception)
  bool stop_ = false;      // the consumer has gone (an error ended the import early)
  std::exception_ptr failure_;
  std::thread reader_;
};

}  // namespace hearth
