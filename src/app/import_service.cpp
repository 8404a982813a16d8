#include "app/import_service.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "app/audit_log.hpp"
#include "app/parse_ahead.hpp"
#include "common/date.hpp"
#include "domain/interchange_index.hpp"

namespace hearth {
namespace {
namespace json = boost::json;
using interchange::Index;
using interchange::LineError;
using interchange::ParsedLine;
using interchange::RecordType;

// Errors are all counted; the first `max` are kept for the report.
class ErrorList {
 public:
  explicit ErrorList(std::size_t max) : max_(max) {}
  std::vector<LineError>& Scratch() { return scratch_; }
  // Moves what the last check added into the report.
  void Take(ImportReport& report) {
    report.error_count += scratch_.size();
    for (auto& e : scratch_)
      if (report.errors.size() < max_) report.errors.push_back(std::move(e));
    scratch_.clear();
  }

 private:
  std::size_t max_;
  std::vector<LineError> scratch_;
};

std::string DateText(std::int32_t day) {
  return Date::FromDays(std::chrono::sys_days(std::chrono::days(day))).ToString();
}

// The first field whose value differs between a line and the stored record, for the error message.
std::string_view FirstDifference(RecordType type, const json::object& line, const json::object& stored) {
  for (const auto& f : interchange::Spec(type).fields) {
    const auto* a = line.if_contains(f.name);
    const auto* b = stored.if_contains(f.name);
    if ((a == nullptr) != (b == nullptr) || (a && *a != *b)) return f.name;
  }
  return "id";
}

class Importer {
 public:
  Importer(UnitOfWork& uow, const Principal& who, LineSource& source, const ImportOptions& options,
           const ImportProgress& progress, ImportReport& report)
      : uow_(uow),
        who_(who),
        repo_(uow.Interchange()),
        source_(source),
        options_(options),
        progress_(progress),
        report_(report),
        errors_(options.max_errors),
        created_at_(UtcTimestampNow()) {}

  void Run() {
    repo_.BeginBulkImport();
    ReadAndNote();
    ResolveRows();
    source_.Rewind();
    CheckAndWrite();
  }

 private:
  // Each line of the file in order, parsed a batch ahead on a second thread (ParseAhead). The first reading reports
  // the parser's field errors; the second has seen them already and keeps only its own.
  template <class Visit>
  void EachLine(ImportPhase phase, Visit&& visit) {
    ParseAhead ahead(source_);
    while (auto batch = ahead.Take()) {
      std::uint32_t errors_begin = 0;
      for (const auto& l : batch->lines) {
        if (phase == ImportPhase::kChecking)
          errors_.Scratch().insert(errors_.Scratch().end(), batch->errors.begin() + errors_begin,
                                   batch->errors.begin() + l.errors_end);
        errors_begin = l.errors_end;
        const auto& parsed = l.parsed;
        if (parsed.kind == ParsedLine::Kind::kRecord) visit(parsed, l.number);
        if (phase == ImportPhase::kChecking && parsed.kind == ParsedLine::Kind::kInvalid && parsed.record)
          index_.NoteInvalid(parsed.type, *parsed.record, l.number);
        if (phase == ImportPhase::kChecking) errors_.Take(report_);
        errors_.Scratch().clear();
      }
      if (progress_) progress_(phase, batch->position, source_.Size());
    }
    if (progress_) progress_(phase, source_.Size(), source_.Size());
  }

  // First reading: field errors, duplicate ids, and what the rules of other records need.
  void ReadAndNote() {
    EachLine(ImportPhase::kChecking, [&](const ParsedLine& p, std::uint32_t line) {
      ++report_.records[interchange::TypeIndex(p.type)];
      index_.Note(p.type, *p.record, line, errors_.Scratch());
      if (p.type != RecordType::kTeam) return;
      // Hearth keeps team names unique; two teams of the file with one name cannot both be held.
      auto [it, inserted] = team_names_.try_emplace(std::string(interchange::TextOf(*p.record, "name")), line);
      if (!inserted) errors_.Scratch().push_back({line, "name", "interchange.error.team_name_taken", it->second});
    });
  }

  // Every id gets its row: a stored record keeps its own; a new one takes the next free row of its table. Ids the
  // file only refers to are looked up (which may name further ids: an episode's referral and family).
  void ResolveRows() {
    std::array<interchange::Ref, interchange::kRecordTypeCount> done{};
    std::array<std::int64_t, interchange::kRecordTypeCount> next{};
    std::array<bool, interchange::kRecordTypeCount> empty{};
    for (const auto& spec : interchange::AllTypes()) {
      const auto i = interchange::TypeIndex(spec.type);
      next[i] = repo_.MaxRow(spec.type) + 1;
      empty[i] = next[i] == 1;  // nothing stored: no need to ask about each id
    }
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& spec : interchange::AllTypes()) {
        const auto i = interchange::TypeIndex(spec.type);
        auto& table = index_.Table(spec.type);
        for (; done[i] < table.Size(); ++done[i]) {
          grew = true;
          const auto r = done[i];
          auto stored = empty[i] ? std::nullopt : repo_.Find(spec.type, table.IdOf(r));
          if (table.At(r).line == 0) {
            index_.NoteStored(spec.type, r, stored ? stored->row : 0, stored ? &stored->record : nullptr);
            continue;
          }
          table.At(r).stored = stored.has_value();
          table.At(r).row = stored ? stored->row : next[i]++;
        }
      }
    }
  }

  // Second reading: references and consistency rules; records written while the file is still free of errors.
  void CheckAndWrite() {
    EachLine(ImportPhase::kWriting, [&](const ParsedLine& p, std::uint32_t line) {
      auto& table = index_.Table(p.type);
      const auto& entry = table.At(*table.Find(interchange::TextOf(*p.record, "id")));
      if (entry.line != line) return;  // a duplicate id, already reported
      std::vector<LineError> found;
      index_.Check(p.type, *p.record, line, found);
      if (p.type == RecordType::kTeam) CheckTeamName(*p.record, line, found);
      if (found.empty() && entry.stored) CompareStored(p, line, found);
      const bool fine = found.empty();
      errors_.Scratch() = std::move(found);
      errors_.Take(report_);
      if (fine && report_.error_count == 0 && !skip_) Write(p, entry);
      skip_ = false;
    });
    if (report_.error_count != 0) return;
    if (progress_) progress_(ImportPhase::kFinishing, 0, 0);
    repo_.EndBulkImport();
    std::size_t written = 0;
    for (auto n : report_.written) written += n;
    Audit(uow_, who_, "import", {"interchange", static_cast<RecordId>(written), 0});
  }

  void CheckTeamName(const json::object& team, std::uint32_t line, std::vector<LineError>& found) {
    auto owner = repo_.TeamNamed(interchange::TextOf(team, "name"));
    if (owner && *owner != interchange::TextOf(team, "id"))
      found.push_back({line, "name", "interchange.error.team_name_taken", 0});
  }

  // A record the database already holds: the same values change nothing; others are refused without --update.
  void CompareStored(const ParsedLine& p, std::uint32_t line, std::vector<LineError>& found) {
    auto stored = repo_.Find(p.type, interchange::TextOf(*p.record, "id"));
    const auto canonical = interchange::Canonical(*p.record);
    if (stored && canonical == stored->record) {
      ++report_.unchanged[interchange::TypeIndex(p.type)];
      skip_ = true;
      return;
    }
    if (!options_.update)
      found.push_back({line, std::string(FirstDifference(p.type, canonical, stored ? stored->record : json::object())),
                       "interchange.error.differs", 0});
  }

  void Write(const ParsedLine& p, const interchange::Entry& entry) {
    const auto& spec = interchange::Spec(p.type);
    const auto& r = *p.record;
    RecordWrite w;
    w.type = p.type;
    w.record = &r;
    w.row = entry.row;
    w.update = entry.stored;
    w.created_at = created_at_;
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
      if (spec.fields[i].kind == interchange::FieldKind::kRef)
        w.refs[i] = index_.RowOf(spec.fields[i].ref, interchange::TextOf(r, spec.fields[i].name));
    std::string derived;
    if (p.type == RecordType::kEpisode) {
      w.stage = interchange::StageFromDates(r);
      const auto self = *index_.Table(RecordType::kEpisode).Find(interchange::TextOf(r, "id"));
      if (auto worker = index_.InterventionWorkerOf(self))
        w.worker_row = index_.Table(RecordType::kWorker).At(*worker).row;
    }
    if (p.type == RecordType::kAppraisal || p.type == RecordType::kAction) {
      const auto* episode = index_.EntryOf(RecordType::kEpisode, interchange::TextOf(r, "episode"));
      if (p.type == RecordType::kAppraisal) {
        w.family_row = index_.Table(RecordType::kFamily).At(episode->family).row;
        // The file has no due date: an appraisal is due two weeks after it was requested (docs/architecture.md).
        derived = DateText(*interchange::DayOf(r, "requested_on") + kAppraisalDays);
      } else {
        auto due = interchange::DayOf(r, "due_on");
        derived = DateText(due ? *due : episode->day);
      }
      w.derived_date = derived;
    }
    repo_.Write(w);
    ++report_.written[interchange::TypeIndex(p.type)];
  }

  static constexpr std::int32_t kAppraisalDays = 14;

  UnitOfWork& uow_;
  const Principal& who_;
  InterchangeRepository& repo_;
  LineSource& source_;
  const ImportOptions& options_;
  const ImportProgress& progress_;
  ImportReport& report_;
  ErrorList errors_;
  std::string created_at_;
  Index index_;
  std::unordered_map<std::string, std::uint32_t> team_names_;
  bool skip_ = false;  // the record is held already, exactly as given
};

}  // namespace

ImportReport ImportService::Import(const Principal& who, LineSource& source, const ImportOptions& options,
                                   const ImportProgress& progress) {
  ImportReport report;
  // The importer resolves every reference itself and refuses the whole file if one dangles (Index::Check).
  auto uow = db_.BeginBulkWrite();
  Importer(*uow, who, source, options, progress, report).Run();
  if (report.error_count == 0) uow->Commit();
  return report;
}

}  // namespace hearth
