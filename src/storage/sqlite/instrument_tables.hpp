// How each instrument's results map onto its table. Every table has its own columns for what reports and the
// interchange read (a satisfaction, a grade, an ACE and when it was identified); the answers are kept whole beside
// them so that a draft reads back exactly as it was left.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/instrument_result.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

struct InstrumentTable {
  RecordId (*insert)(Connection& c, const InstrumentResult& result);
  std::optional<InstrumentResult> (*find)(Connection& c, RecordId id);
  bool (*update)(Connection& c, const InstrumentResult& result);
  std::vector<InstrumentResult> (*list)(Connection& c, RecordId episode_id);
};

// The table of an instrument id, or nullptr when Hearth has none for it.
const InstrumentTable* TableFor(std::string_view instrument);

const InstrumentTable& FeedbackTable();
const InstrumentTable& OversightTable();
const InstrumentTable& QualityAuditTable();
const InstrumentTable& AceChecklistTable();
const InstrumentTable& ResilienceTable();

// The quality_audits columns ReadQualityAudit reads, as "SELECT … FROM quality_audits " (the list of audits to
// acknowledge reads them too).
extern const std::string_view kQualityAuditColumns;
InstrumentResult ReadQualityAudit(const Statement& st);

// The stores' reads: `sql` selects a table's columns for one key bound as ?1 (a result's id, or an episode's), and
// `read` turns a row into a result.
using ReadResult = InstrumentResult (*)(const Statement& st);
std::optional<InstrumentResult> FindResult(Connection& c, const std::string& sql, RecordId id, ReadResult read);
std::vector<InstrumentResult> ListResults(Connection& c, const std::string& sql, RecordId key, ReadResult read);

// The answer to `id`, or "" when unanswered (a copy: an empty view would be bound as NULL, not '').
std::string AnswerOr(const Answers& answers, std::string_view id);
std::optional<RecordId> OptionalId(const std::optional<RecordId>& id);

}  // namespace hearth::sqlite
