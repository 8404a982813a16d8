// The records the service report (METRICS.md) is computed from: plain vectors with INTERCHANGE.md's field names.
// Teams and services are named by their interchange ids (they are keys of the report's objects); workers and
// families by any identifier that is the same for the same worker or family (they are only grouped on). Records
// that belong to an episode name it by its position in `episodes`, so the report never looks anything up.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/enums.hpp"
#include "domain/outcome_enums.hpp"

namespace hearth {

using EpisodeIndex = std::uint32_t;  // position in ServiceHistory::episodes

struct ReferralFacts {
  Date received_on;
  ReferralSource source = ReferralSource::kOther;
};

struct EpisodeFacts {
  std::string id;
  std::string family;
  Date received_on;  // of the episode's referral
  ReferralSource source = ReferralSource::kOther;
  Date opened_on;
  std::optional<Date> allocated_assessment_on;
  std::string ea_officer;
  std::optional<Date> assessment_completed_on;
  std::optional<Date> brokerage_started_on;
  std::string br_officer;
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
  std::string worker;
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
  std::optional<std::string> service;
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
  std::string family;
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
  std::vector<ContactFacts> contacts;
  std::vector<AssessmentFacts> assessments;
  std::vector<AceFacts> aces;
  std::vector<StatutoryFacts> statutory;
  std::vector<FeedbackFacts> feedback;
  std::vector<OversightFacts> oversight;
  std::vector<AuditFacts> audits;
};

}  // namespace hearth
