// The records the service report (METRICS.md) is computed from: plain vectors with INTERCHANGE.md's field names.
// Teams are named by their interchange ids (they are keys of the report's objects), and so are services, kept once
// in `services`. Workers and families are only grouped on, so they are named by a number (GroupKey): any number
// that is the same for the same worker or family. Records that belong to an episode name it by its position in
// `episodes`, so the report never looks anything up. Numbers instead of text keep the ten-year history some 80 MB
// smaller and its grouping free of string hashing (docs/performance.md).
#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/enums.hpp"
#include "domain/outcome_enums.hpp"

namespace hearth {

using EpisodeIndex = std::uint32_t;  // position in ServiceHistory::episodes
// A worker or a family; 0 when none is recorded (no one is 0, so "none" is a group of its own, never a person).
using GroupKey = std::uint32_t;
inline constexpr GroupKey kNoOne = 0;
using ServiceIndex = std::uint32_t;  // position in ServiceHistory::services
inline constexpr ServiceIndex kNoService = std::numeric_limits<ServiceIndex>::max();

struct ReferralFacts {
  Date received_on;
  ReferralSource source = ReferralSource::kOther;
};

struct EpisodeFacts {
  std::string id;
  GroupKey family = kNoOne;
  Date received_on;  // of the episode's referral
  ReferralSource source = ReferralSource::kOther;
  Date opened_on;
  std::optional<Date> allocated_assessment_on;
  GroupKey ea_officer = kNoOne;
  std::optional<Date> assessment_completed_on;
  std::optional<Date> brokerage_started_on;
  GroupKey br_officer = kNoOne;
  std::optional<Date> plan_completed_on;
  std::optional<Date> panel_on;
  std::optional<Date> intervention_started_on;
  std::string team;
  std::optional<Date> review_started_on;
  std::optional<Date> closed_on;
  std::optional<ClosureReason> closure_reason;
};

struct AssignmentFacts {
  EpisodeIndex episode = 0;
  GroupKey worker = kNoOne;
  Role role = Role::kInterventionWorker;
};

struct AppraisalFacts {
  Agency kind = Agency::kHealth;
  Date requested_on;
  std::optional<Date> completed_on;
  EpisodeIndex episode = 0;  // last, so that the report's fixtures may leave it out (only the team filter reads it)
};

struct ActionFacts {
  EpisodeIndex episode = 0;
  ServiceIndex service = kNoService;  // none when the action names no service
  ActionStatus status = ActionStatus::kNotStarted;
};

struct ContactFacts {
  EpisodeIndex episode = 0;
  Date on;
};

struct AssessmentFacts {
  EpisodeIndex episode = 0;
  std::string id;
  AssessmentInstrument instrument = AssessmentInstrument::kResilience;
  AssessmentStage stage = AssessmentStage::kInitial;
  Date on;
  std::array<int, 4> scores{};  // by ResilienceDomain
};

struct AceFacts {
  EpisodeIndex episode = 0;
  AceType ace = AceType::kPhysicalAbuse;
  Date identified_on;
  std::optional<bool> improved;
};

struct StatutoryFacts {
  GroupKey family = kNoOne;
  Date started_on;
};

struct FeedbackFacts {
  FeedbackForm form = FeedbackForm::kServiceUser;
  Date on;
  std::optional<Satisfaction> satisfaction;
  EpisodeIndex episode = 0;  // last, as in AppraisalFacts
};

struct OversightFacts {
  EpisodeIndex episode = 0;
  Date on;
  bool considered_plan_effectiveness = false;
};

struct AuditFacts {
  Date on;
  AuditGrade grade = AuditGrade::kGood;
  bool shared_with_worker = false;
  EpisodeIndex episode = 0;  // last, as in AppraisalFacts
};

struct ServiceHistory {
  std::vector<ReferralFacts> referrals;  // every referral, whatever its decision: the referral figures count them
  std::vector<EpisodeFacts> episodes;
  std::vector<AssignmentFacts> assignments;
  std::vector<AppraisalFacts> appraisals;
  std::vector<ActionFacts> actions;
  std::vector<std::string> services;  // the interchange ids of the services actions name (ActionFacts::service)
  std::vector<ContactFacts> contacts;
  std::vector<AssessmentFacts> assessments;
  std::vector<AceFacts> aces;
  std::vector<StatutoryFacts> statutory;
  std::vector<FeedbackFacts> feedback;
  std::vector<OversightFacts> oversight;
  std::vector<AuditFacts> audits;
};

}  // namespace hearth
