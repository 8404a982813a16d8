// The consistency rules of INTERCHANGE.md over the union of a file and what the database already holds.
//
// An import reads its file twice. The first reading notes every record's id in an Index (duplicates are errors)
// together with the little that other records' rules need from it (a person's family, a referral's date and
// decision, an episode's family, referral and opening date), and interns every id a record refers to. Ids the file
// refers to but does not define are then looked up in the database (NoteStored). The second reading checks each
// record's references and rules against the Index. Everything is a hash lookup: linear in the size of the file.
#pragma once
#include <boost/json.hpp>
#include <boost/unordered/unordered_flat_map.hpp>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/interchange_parse.hpp"
#include "domain/interchange_schema.hpp"

namespace hearth::interchange {

using Ref = std::uint32_t;
inline constexpr Ref kNoRef = std::numeric_limits<Ref>::max();

// What the Index knows of one id of one type.
struct Entry {
  std::uint32_t line = 0;   // the line defining it in the file; 0: not in the file
  std::int64_t row = 0;     // its Hearth row id (existing or assigned); 0: not known (yet)
  bool stored = false;      // the database already holds a record with this id
  bool looked_up = false;   // the database was asked about it
  Ref family = kNoRef;      // person, referral, episode, statutory
  Ref referral = kNoRef;    // episode
  std::int32_t day = 0;     // referral: received_on; episode: opened_on
  bool early_help = false;  // referral: decision is early_help
  bool invalid = false;     // defined by a line with errors: references to it add no errors of their own
};

// The ids of one record type, interned: each distinct id gets a small number (Ref) once.
class IdTable {
 public:
  IdTable() = default;
  IdTable(const IdTable&) = delete;  // a copy's keys would still view the original's ids
  IdTable& operator=(const IdTable&) = delete;
  IdTable(IdTable&&) = default;  // a moved deque keeps its strings where they are
  IdTable& operator=(IdTable&&) = default;
  Ref Intern(std::string_view id);
  std::optional<Ref> Find(std::string_view id) const;
  Entry& At(Ref r) { return entries_[r]; }
  const Entry& At(Ref r) const { return entries_[r]; }
  const std::string& IdOf(Ref r) const { return names_[r]; }
  Ref Size() const { return static_cast<Ref>(entries_.size()); }

 private:
  // An open-addressing table (one probe, usually one cache miss, per lookup: an import of millions of records makes
  // several lookups per record) whose keys are views of the ids kept in names_, which never moves them.
  boost::unordered_flat_map<std::string_view, Ref> ids_;
  std::vector<Entry> entries_;
  std::deque<std::string> names_;
};

class Index {
 public:
  IdTable& Table(RecordType t) { return tables_[TypeIndex(t)]; }
  const IdTable& Table(RecordType t) const { return tables_[TypeIndex(t)]; }

  // First reading: notes a valid record of the file (a second record with the same id is an error).
  void Note(RecordType type, const boost::json::object& record, std::uint32_t line, std::vector<LineError>& errors);
  // A line of the file whose fields have errors but whose id is readable: its id is taken (so records referring to
  // it do not each report it missing, and a later line with the same id is still a duplicate).
  void NoteInvalid(RecordType type, const boost::json::object& record, std::uint32_t line);
  // What the database holds for an id the file refers to but does not define (the stored record as export writes
  // it); row 0: the database has no such record.
  void NoteStored(RecordType type, Ref ref, std::int64_t row, const boost::json::object* record);

  // Second reading: the references and consistency rules of one record.
  void Check(RecordType type, const boost::json::object& record, std::uint32_t line,
             std::vector<LineError>& errors) const;

  // The row of the record an id refers to (0 when unknown); the id must have been noted.
  std::int64_t RowOf(RecordType type, std::string_view id) const;
  const Entry* EntryOf(RecordType type, std::string_view id) const;
  // The worker of the open intervention_worker assignment of an episode (latest `from`), if any.
  std::optional<Ref> InterventionWorkerOf(Ref episode) const;

 private:
  void NoteFacts(RecordType type, Entry& e, const boost::json::object& record);
  void CheckEpisode(const boost::json::object& record, std::uint32_t line, std::vector<LineError>& errors) const;
  void CheckDatedByEpisode(RecordType type, const boost::json::object& record, std::uint32_t line,
                           std::vector<LineError>& errors) const;

  std::array<IdTable, kRecordTypeCount> tables_;
  struct OpenWorker {
    Ref worker;
    std::int32_t from;
  };
  std::unordered_map<Ref, OpenWorker> open_workers_;  // episode -> open intervention worker
};

// The stage an episode is in, from its stage dates, as the journey moves it (DESIGN.md §2).
std::string_view StageFromDates(const boost::json::object& episode);

// The interchange team kind for a team Hearth holds without one, from the most common role among its members
// (an empty role: no members; the team is taken as an intervention team, the commonest kind).
std::string_view TeamKindForRole(std::string_view role);

}  // namespace hearth::interchange
