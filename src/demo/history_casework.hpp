// Everything recorded on one generated episode after it opens: assignments (with worker changes), appraisals,
// plan actions, contacts, resilience and young person assessments, ACEs, feedback, oversight and audits. Every
// record is dated inside the episode (on or after opened_on, never after its closure or the end of the history).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_random.hpp"
#include "demo/history_episode.hpp"
#include "demo/history_ids.hpp"
#include "demo/history_staff.hpp"
#include "demo/json_lines_writer.hpp"

namespace hearth::demo {

struct FamilyMember {
  std::string id;
  bool child = false;
  std::optional<Day> born;  // absent when the family's record has no date of birth
};

struct EpisodeContext {
  std::string id;
  EpisodePlan plan;
  std::vector<FamilyMember> const* members = nullptr;
  const InterventionTeam* team = nullptr;  // set when the intervention started
  std::string ea_officer, br_officer;      // set when their stage was reached
  Day history_end = 0;
};

class CaseworkWriter {
 public:
  CaseworkWriter(DemoRandom& rng, JsonLinesWriter& out, HistoryIds& ids, const HistoryStaff& staff)
      : rng_(rng), out_(out), ids_(ids), staff_(staff) {}

  void Write(const EpisodeContext& episode);

 private:
  struct Spell {  // one intervention worker's time on the episode
    Day from;
    std::string worker;
  };

  std::vector<Spell> WriteAssignments(const EpisodeContext& e);
  void Assign(const EpisodeContext& e, const std::string& worker, std::string_view role, Day from,
              std::optional<Day> to);
  void WriteAppraisals(const EpisodeContext& e);
  void WriteActions(const EpisodeContext& e);
  void WriteContacts(const EpisodeContext& e, const std::vector<Spell>& spells);
  void Contact(const EpisodeContext& e, Day on, const std::string& worker, bool intervention);
  void WriteAssessments(const EpisodeContext& e);
  void Assessment(const EpisodeContext& e, std::string_view instrument, std::string_view stage, Day on,
                  const std::array<int, 4>& scores);
  void WriteAces(const EpisodeContext& e);
  void WriteFeedback(const EpisodeContext& e);
  void WriteOversightAndAudits(const EpisodeContext& e);

  bool Nulls() { return rng_.Percent(35); }  // how this record shows its absent optional fields
  const std::string& Any(const std::vector<std::string>& ids) {
    return ids[rng_.Below(static_cast<std::uint32_t>(ids.size()))];
  }

  DemoRandom& rng_;
  JsonLinesWriter& out_;
  HistoryIds& ids_;
  const HistoryStaff& staff_;
};

}  // namespace hearth::demo
