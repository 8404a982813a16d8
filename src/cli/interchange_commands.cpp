// hearth import FILE.jsonl [--update] and hearth export [--out FILE] (INTERCHANGE.md).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/export_service.hpp"
#include "app/import_service.hpp"
#include "app/user_admin.hpp"
#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/messages.hpp"

namespace hearth::cli {
namespace {

// A file read line by line through a large buffer, twice.
class FileLines final : public LineSource {
 public:
  explicit FileLines(const std::string& path) : in_(path, std::ios::binary) {
    if (!in_) throw FatalError("cannot read " + path);
    in_.seekg(0, std::ios::end);
    size_ = static_cast<std::uint64_t>(in_.tellg());
    in_.seekg(0);
  }
  bool Next(std::string_view& line) override {
    if (!std::getline(in_, text_)) return false;
    position_ += text_.size() + 1;
    line = text_;
    return true;
  }
  void Rewind() override {
    in_.clear();
    in_.seekg(0);
    position_ = 0;
  }
  std::uint64_t Position() const override { return std::min(position_, size_); }
  std::uint64_t Size() const override { return size_; }

 private:
  std::ifstream in_;
  std::string text_;
  std::uint64_t position_ = 0;
  std::uint64_t size_ = 0;
};

// Progress on stderr: a bar redrawn in place on a terminal, a plain line every tenth otherwise (logs, CI).
class ProgressDisplay {
 public:
  ProgressDisplay(const MessageCatalogue& m, std::string file) : m_(m), file_(std::move(file)) {}
  void operator()(ImportPhase phase, std::uint64_t done, std::uint64_t total) {
    if (phase == ImportPhase::kFinishing) {  // no count to show: one line, so a long wait is not taken for a hang
      std::cerr << m_.Format("interchange.progress.finishing", {{"file", file_}}) << "\n" << std::flush;
      return;
    }
    const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    const auto label =
        m_.Format(phase == ImportPhase::kChecking ? "interchange.progress.checking" : "interchange.progress.writing",
                  {{"file", file_}});
    if (terminal_) {
      const int filled = percent / 5;
      std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                << std::string(static_cast<std::size_t>(20 - filled), ' ') << "] " << percent << "% " << label
                << (percent == 100 ? "\n" : "") << std::flush;
      return;
    }
    if (phase != phase_) last_ = -1;
    phase_ = phase;
    if (percent / 10 == last_ / 10 && percent != 100) return;
    if (percent == 100 && last_ == 100) return;
    last_ = percent;
    std::cerr << label << ": " << percent << "%\n";
  }

 private:
  const MessageCatalogue& m_;
  std::string file_;
  bool terminal_ = isatty(STDERR_FILENO) != 0;
  ImportPhase phase_ = ImportPhase::kChecking;
  int last_ = -1;
};

MessageCatalogue Messages(const CommonOptions& common) {
  return MessageCatalogue::Load(ResolveRoot(common.root) / "config/messages/en");
}

std::string ErrorLine(const MessageCatalogue& m, const interchange::LineError& e) {
  std::string out = "hearth: " + m.Format("interchange.error.line", {{"line", std::to_string(e.line)}}) + ": ";
  if (!e.field.empty()) out += e.field + ": ";
  out += m.Get(e.message_key);
  if (e.other_line != 0)
    out += " " + m.Format("interchange.error.other_line", {{"line", std::to_string(e.other_line)}});
  return out + "\n";
}

int RunImport(const CommonOptions& common, const std::string& file, bool update) {
  const auto m = Messages(common);
  FileLines lines(file);
  auto db = OpenDatabase(common.database);
  db->Migrate();
  ProgressDisplay display(m, file);
  ImportOptions options;
  options.update = update;
  auto report = ImportService(*db).Import(
      SystemPrincipal(), lines, options,
      [&](ImportPhase p, std::uint64_t done, std::uint64_t total) { display(p, done, total); });
  if (!report.imported()) {
    for (const auto& e : report.errors) std::cerr << ErrorLine(m, e);
    if (report.error_count > report.errors.size())
      std::cerr << "hearth: "
                << m.Format("interchange.error.more",
                            {{"count", std::to_string(report.error_count - report.errors.size())}})
                << "\n";
    std::cerr << "hearth: " << m.Format("interchange.error.refused", {{"count", std::to_string(report.error_count)}})
              << "\n";
    return 2;
  }
  std::size_t total = 0, written = 0, unchanged = 0;
  for (std::size_t i = 0; i < interchange::kRecordTypeCount; ++i) {
    total += report.records[i];
    written += report.written[i];
    unchanged += report.unchanged[i];
  }
  std::cout << m.Format("interchange.summary.title", {{"file", file},
                                                      {"total", std::to_string(total)},
                                                      {"written", std::to_string(written)},
                                                      {"unchanged", std::to_string(unchanged)}})
            << "\n";
  for (const auto& spec : interchange::AllTypes())
    if (auto n = report.records[interchange::TypeIndex(spec.type)])
      std::cout << "  "
                << m.Format("interchange.summary.type",
                            {{"type", std::string(spec.name)}, {"count", std::to_string(n)}})
                << "\n";
  return 0;
}

int RunExport(const CommonOptions& common, const std::string& out_path) {
  const auto m = Messages(common);
  auto db = OpenDatabase(common.database);
  db->Migrate();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  std::FILE* out = stdout;
  if (!out_path.empty()) {
    file.reset(std::fopen(out_path.c_str(), "wb"));
    if (!file) throw FatalError("cannot write " + out_path);
    out = file.get();
  }
  ExportOptions options{m.Get("interchange.export.no_team_name")};
  auto report = ExportService(*db).Export(SystemPrincipal(), options, [&](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), out);
    std::fputc('\n', out);
  });
  if (std::fflush(out) != 0) throw FatalError("cannot write the export");
  std::cerr << m.Format("interchange.summary.exported", {{"total", std::to_string(report.total)}}) << "\n";
  return 0;
}

}  // namespace

void AddInterchangeCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  struct Options {
    std::string file;
    bool update = false;
    std::string out;
  };
  auto opts = std::make_shared<Options>();
  auto* import = app.add_subcommand("import", "Import a service's history from an interchange file (INTERCHANGE.md)");
  import->add_option("file", opts->file, "The file, JSON Lines")->required()->check(CLI::ExistingFile);
  import->add_flag("--update", opts->update, "Change records the database holds with other values");
  import->callback([&common, &run, opts] { run = [&common, opts] { return RunImport(common, opts->file, opts->update);
};
}  // namespace hearth::cli
);

auto* exp = app.add_subcommand("export", "Write every record in the interchange format (INTERCHANGE.md)");
exp->add_option("--out", opts->out, "Output file (default: standard output)");
exp->callback([&common, &run, opts] { run = [&common, opts] { return RunExport(common, opts->out); }; });
}

}  // namespace hearth::cli
