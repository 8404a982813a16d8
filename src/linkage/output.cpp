#include "linkage/output.hpp"

#include "linkage/blocking.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

namespace hearth::linkage {

namespace {
class Writer {
 public:
  explicit Writer(const std::string& path) : file_(std::fopen(path.c_str(), "wb"), &std::fclose), path_(path) {
    buffer_.reserve(kFlushAt + 1024);
  }
  bool Ok() const { return file_ != nullptr && ok_; }
  void Text(std::string_view s) { buffer_.append(s); }
  void Char(char c) { buffer_.push_back(c); }
  // A CSV field, quoted only when it must be.
  void Field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
      buffer_.append(s);
      return;
    }
    buffer_.push_back('"');
    for (char c : s) {
      if (c == '"') buffer_.push_back('"');
      buffer_.push_back(c);
    }
    buffer_.push_back('"');
  }
  // A fixed-point number, rounded half away from zero; the hot path of the pairs file.
  void Fixed(double v, int precision) {
    static constexpr double kScale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (!(std::abs(v) < 1e9) || precision < 0 || precision > 9) {
      char tmp[64];
      auto r = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::fixed, precision);
      buffer_.append(tmp, r.ptr);
      return;
    }
    if (v < 0) buffer_.push_back('-');
    const auto scaled = static_cast<uint64_t>(std::abs(v) * kScale[precision] + 0.5);
    const auto unit = static_cast<uint64_t>(kScale[precision]);
    char tmp[32];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, scaled / unit);
    buffer_.append(tmp, r.ptr);
    if (precision == 0) return;
    buffer_.push_back('.');
    uint64_t fraction = scaled % unit;
    char digits[16];
    for (int i = precision - 1; i >= 0; --i, fraction /= 10) digits[i] = static_cast<char>('0' + fraction % 10);
    buffer_.append(digits, static_cast<size_t>(precision));
  }
  void EndLine() {
    buffer_.push_back('\n');
    if (buffer_.size() >= kFlushAt) Flush();
  }
  bool Close() {
    Flush();
    if (file_ && std::fflush(file_.get()) != 0) ok_ = false;
    return Ok();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void Flush() {
    if (file_ && !buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size())
      ok_ = false;
    buffer_.clear();
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file_;
  std::string path_;
  std::string buffer_;
  bool ok_ = true;
};

Error WriteError(const std::string& path) {
  return Error{ErrorCode::kValidation, path + ": cannot write: " + std::strerror(errno), "linkage.write_error", {}};
}
}  // namespace

Result<uint64_t> WritePairs(const std::string& path, const Dataset& data,
                            const std::vector<std::vector<ScoredPair>>& pairs, float min_weight) {
  Writer w(path);
  if (!w.Ok()) return WriteError(path);
  w.Text("left_id,right_id,match_probability,match_weight");
  w.EndLine();
  uint64_t written = 0;
  for (const auto& unit : pairs) {
    for (size_t i = 0; i < unit.size(); ++i) {
      // Ids lie anywhere in the arena: fetch a few pairs ahead.
      if (i + 8 < unit.size()) {
        data.PrefetchId(unit[i + 8].a);
        data.PrefetchId(unit[i + 8].b);
      }
      const ScoredPair& p = unit[i];
      if (p.weight < min_weight) continue;
      std::string_view left = data.Id(p.a), right = data.Id(p.b);
      if (!data.IsLink() && right < left) std::swap(left, right);
      w.Field(left);
      w.Char(',');
      w.Field(right);
      w.Char(',');
      w.Fixed(1.0 / (1.0 + std::exp2(-static_cast<double>(p.weight))), 6);
      w.Char(',');
      w.Fixed(p.weight, 3);
      w.EndLine();
      ++written;
    }
  }
  if (!w.Close()) return WriteError(path);
  return written;
}

Result<bool> WriteClusters(const std::string& path, const Dataset& data, const std::vector<uint32_t>& cluster_of) {
  Writer w(path);
  if (!w.Ok()) return WriteError(path);
  w.Text("record_id,cluster_id");
  w.EndLine();
  // In the engine's order (records grouped by family name and place), so that a cluster's id, the id of its first
  // record there, is usually close by.
  for (uint32_t r = 0; r < data.Size(); ++r) {
    w.Field(data.Id(r));
    w.Char(',');
    w.Field(data.Id(cluster_of[r]));
    w.EndLine();
  }
  if (!w.Close()) return WriteError(path);
  return true;
}

Result<uint64_t> WriteCandidates(const std::string& path, const Dataset& data, const Blocker& blocker) {
  Writer w(path);
  if (!w.Ok()) return WriteError(path);
  w.Text("left_id,right_id");
  w.EndLine();
  uint64_t written = 0;
  for (size_t u = 0; u < blocker.UnitCount(); ++u) {
    blocker.VisitUnit(u, [&](uint32_t a, uint32_t b) {
      std::string_view left = data.Id(a), right = data.Id(b);
      if (!data.IsLink() && right < left) std::swap(left, right);
      w.Field(left);
      w.Char(',');
      w.Field(right);
      w.EndLine();
      ++written;
    });
  }
  if (!w.Close()) return WriteError(path);
  return written;
}

std::string Thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace hearth::linkage
