#include "app/parse_ahead.hpp"

namespace hearth {

ParseAhead::ParseAhead(LineSource& source) : source_(source), reader_([this] { Read(); }) {}

ParseAhead::~ParseAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  reader_.join();
}

std::unique_ptr<ParsedBatch> ParseAhead::Take() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !queue_.empty() || finished_; });
  if (queue_.empty()) {
    if (failure_) std::rethrow_exception(failure_);
    return nullptr;
  }
  auto batch = std::move(queue_.front());
  queue_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return batch;
}

void ParseAhead::Read() {
  try {
    interchange::LineParser parser;
    std::string_view text;
    std::uint32_t number = 0;
    bool first = true;  // no non-blank line yet: the header may stand here
    bool more = true;
    while (more) {
      auto batch = std::make_unique<ParsedBatch>();
      batch->values.resize(kBatchLines);
      batch->lines.reserve(kBatchLines);
      while (batch->lines.size() < kBatchLines && (more = source_.Next(text))) {
        ++number;
        auto& slot = batch->values[batch->lines.size()];
        auto parsed = parser.ParseInto(text, number, first, batch->errors,
                                       boost::json::storage_ptr(&batch->memory), slot);
        if (parsed.kind != interchange::ParsedLine::Kind::kBlank) first = false;
        batch->lines.push_back({number, parsed, static_cast<std::uint32_t>(batch->errors.size())});
      }
      batch->position = source_.Position();
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return queue_.size() < kMaxQueued || stop_; });
      if (stop_) return;
      queue_.push_back(std::move(batch));
      lock.unlock();
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    finished_ = true;
  }
  changed_.notify_all();
}

}  // namespace hearth
