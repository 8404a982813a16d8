// The allocation panel's weekly meetings (issue 3): managers and front-door coordinators arrange a meeting, change
// its date, chair or notes (optimistic version check), and record each family's decision within it
// (JourneyService::PanelDecide names the meeting). The meeting's page lists the families waiting for the panel and
// the decisions taken there.
#pragma once
#include <vector>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "ports/database.hpp"

namespace hearth {

// The panel page's meetings: the coming ones, and a page of those already held (latest first).
struct PanelMeetingList {
  std::vector<PanelMeeting> upcoming;  // after today, soonest first
  std::vector<PanelMeeting> recent;    // held: today and before, latest first
  int recent_total = 0;
  int page = 1;
  int page_size = 10;
};

// One meeting with the decisions taken at it and the families still waiting for a decision.
struct PanelMeetingFile {
  PanelMeeting meeting;
  std::vector<PanelDecision> decisions;
  std::vector<Episode> waiting;  // open episodes whose plans are complete, oldest first
  bool can_decide = false;       // the meeting has happened (decisions are recorded on or after its date)
};

class PanelService {
 public:
  explicit PanelService(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}

  Result<PanelMeetingList> Meetings(const Principal& who, int page, int page_size = 10);
  // on*, chair, notes.
  Result<RecordId> CreateMeeting(const Principal& who, const Input& in);
  Result<PanelMeetingFile> ViewMeeting(const Principal& who, RecordId meeting_id);
  Result<PanelMeeting> GetMeeting(const Principal& who, RecordId meeting_id);
  // on*, chair, notes; refused as stale unless `version` is the stored one. A meeting that already holds decisions
  // keeps its date (they were taken on it).
  Result<PanelMeeting> UpdateMeeting(const Principal& who, RecordId meeting_id, const Input& in, int version);
  // The meetings a decision can be recorded in: those held up to today, latest first (the decision form's choices).
  Result<std::vector<PanelMeeting>> DecisionMeetings(const Principal& who);

 private:
  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
