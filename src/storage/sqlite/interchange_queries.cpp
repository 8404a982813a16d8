#include "storage/sqlite/interchange_queries.hpp"

#include <array>
#include <string>

namespace hearth::sqlite {
namespace {

// Parameters: ?1 row id, ?2 external id, ?3.. the fields after "id" in INTERCHANGE.md's order (references as row
// ids), ?20 the import's timestamp, ?21.. what Hearth keeps besides (keys, stage, derived dates).
constexpr std::array<InterchangeQueries, interchange::kRecordTypeCount> kQueries{{
    {"SELECT t.id AS row, t.external_id AS id, t.name AS name, t.kind AS kind FROM teams t WHERE 1",
     "INSERT INTO teams (id, external_id, name, kind) VALUES (?1, ?2, ?3, ?4) "
     "ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind",
     "teams"},
    {"SELECT t.id AS row, t.external_id AS id, CASE WHEN t.name = '' THEN t.username ELSE t.name END AS name, "
     "tm.external_id AS team, t.role AS role FROM users t LEFT JOIN teams tm ON tm.id = t.team_id "
     "WHERE t.role IN ('front_door_coordinator', 'ea_officer', 'br_officer', 'intervention_worker', 'family_aide', "
     "'social_worker', 'manager', 'auditor')",
     "INSERT INTO users (id, external_id, name, team_id, role, username, disabled, password_hash, created_at) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?21, 1, '!', ?20) "
     "ON CONFLICT(id) DO UPDATE SET name = excluded.name, team_id = excluded.team_id, role = excluded.role",
     "users"},
    {"SELECT t.id AS row, t.external_id AS id, t.name AS name, t.kind AS kind FROM services t WHERE 1",
     "INSERT INTO services (id, external_id, name, kind, name_key) VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?21) "
     "ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, name_key = excluded.name_key, "
     "version = version + 1",
     "services"},
    {"SELECT t.id AS row, t.external_id AS id, t.area AS area, t.postcode AS postcode FROM families t WHERE 1",
     "INSERT INTO families (id, external_id, area, postcode, postcode_key, created_at, updated_at) "
     "VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?21, ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET area = excluded.area, postcode = excluded.postcode, "
     "postcode_key = excluded.postcode_key, version = version + 1, updated_at = excluded.updated_at",
     "families"},
    {"SELECT t.id AS row, t.external_id AS id, f.external_id AS family, t.given_name AS given_name, "
     "t.family_name AS family_name, t.date_of_birth AS date_of_birth, t.sex AS sex, t.role AS role "
     "FROM people t JOIN families f ON f.id = t.family_id WHERE 1",
     "INSERT INTO people (id, external_id, family_id, given_name, family_name, date_of_birth, sex, role, "
     "given_name_key, family_name_key, created_at, updated_at) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, COALESCE(?7, ''), ?8, ?21, ?22, ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET family_id = excluded.family_id, given_name = excluded.given_name, "
     "family_name = excluded.family_name, date_of_birth = excluded.date_of_birth, sex = excluded.sex, "
     "role = excluded.role, given_name_key = excluded.given_name_key, family_name_key = excluded.family_name_key, "
     "version = version + 1, updated_at = excluded.updated_at",
     "people"},
    {"SELECT t.id AS row, t.external_id AS id, f.external_id AS family, t.received_on AS received_on, "
     "t.source AS source, t.reasons AS reasons, t.decision AS decision, t.consent_given AS consent_given "
     "FROM referrals t JOIN families f ON f.id = t.family_id WHERE 1",
     "INSERT INTO referrals (id, external_id, family_id, received_on, source, reasons, decision, consent_given, "
     "created_at) VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, ''), ?7, ?8, ?20) "
     "ON CONFLICT(id) DO UPDATE SET family_id = excluded.family_id, received_on = excluded.received_on, "
     "source = excluded.source, reasons = excluded.reasons, decision = excluded.decision, "
     "consent_given = excluded.consent_given, version = version + 1",
     "referrals"},
    {"SELECT t.id AS row, t.external_id AS id, f.external_id AS family, r.external_id AS referral, "
     "t.opened_on AS opened_on, t.allocated_assessment_on AS allocated_assessment_on, ea.external_id AS ea_officer, "
     "t.assessment_completed_on AS assessment_completed_on, t.brokerage_started_on AS brokerage_started_on, "
     "br.external_id AS br_officer, t.plan_completed_on AS plan_completed_on, t.panel_on AS panel_on, "
     "t.intervention_started_on AS intervention_started_on, tm.external_id AS team, "
     "t.review_started_on AS review_started_on, t.closed_on AS closed_on, t.closure_reason AS closure_reason "
     "FROM episodes t JOIN families f ON f.id = t.family_id JOIN referrals r ON r.id = t.referral_id "
     "LEFT JOIN users ea ON ea.id = t.ea_officer_id LEFT JOIN users br ON br.id = t.br_officer_id "
     "LEFT JOIN teams tm ON tm.id = t.team_id WHERE 1",
     "INSERT INTO episodes (id, external_id, family_id, referral_id, opened_on, allocated_assessment_on, "
     "ea_officer_id, assessment_completed_on, brokerage_started_on, br_officer_id, plan_completed_on, panel_on, "
     "intervention_started_on, team_id, review_started_on, closed_on, closure_reason, stage, worker_id, created_at) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?21, ?22, ?20) "
     "ON CONFLICT(id) DO UPDATE SET family_id = excluded.family_id, referral_id = excluded.referral_id, "
     "opened_on = excluded.opened_on, allocated_assessment_on = excluded.allocated_assessment_on, "
     "ea_officer_id = excluded.ea_officer_id, assessment_completed_on = excluded.assessment_completed_on, "
     "brokerage_started_on = excluded.brokerage_started_on, br_officer_id = excluded.br_officer_id, "
     "plan_completed_on = excluded.plan_completed_on, panel_on = excluded.panel_on, "
     "intervention_started_on = excluded.intervention_started_on, team_id = excluded.team_id, "
     "review_started_on = excluded.review_started_on, closed_on = excluded.closed_on, "
     "closure_reason = excluded.closure_reason, stage = excluded.stage, "
     "worker_id = COALESCE(excluded.worker_id, worker_id), version = version + 1",
     "episodes"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, u.external_id AS worker, t.role AS role, "
     "t.from_on AS \"from\", t.to_on AS \"to\" FROM episode_assignments t JOIN episodes e ON e.id = t.episode_id "
     "JOIN users u ON u.id = t.user_id WHERE 1",
     "INSERT INTO episode_assignments (id, external_id, episode_id, user_id, role, from_on, to_on) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, user_id = excluded.user_id, "
     "role = excluded.role, from_on = excluded.from_on, to_on = excluded.to_on",
     "episode_assignments"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, t.kind AS kind, "
     "t.requested_on AS requested_on, t.completed_on AS completed_on "
     "FROM appraisals t JOIN episodes e ON e.id = t.episode_id WHERE 1",
     "INSERT INTO appraisals (id, external_id, episode_id, kind, requested_on, completed_on, family_id, due_on, "
     "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?21, ?22, ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, kind = excluded.kind, "
     "requested_on = excluded.requested_on, completed_on = excluded.completed_on, family_id = excluded.family_id, "
     "due_on = excluded.due_on, version = version + 1, updated_at = excluded.updated_at",
     "appraisals"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, o.outcome AS objective, "
     "s.external_id AS service, t.due_on AS due_on, t.status AS status FROM actions t "
     "JOIN episodes e ON e.id = t.episode_id JOIN objectives o ON o.id = t.objective_id "
     "LEFT JOIN services s ON s.id = t.service_id WHERE 1",
     "INSERT INTO actions (id, external_id, episode_id, description, service_id, due_on, status, objective_id, "
     "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?21, ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, description = excluded.description, "
     "service_id = excluded.service_id, due_on = excluded.due_on, status = excluded.status, "
     "objective_id = excluded.objective_id, version = version + 1, updated_at = excluded.updated_at",
     "actions"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, t.occurred_on AS \"on\", "
     "u.external_id AS worker, t.kind AS kind FROM contacts t JOIN episodes e ON e.id = t.episode_id "
     "LEFT JOIN users u ON u.id = t.worker_id WHERE 1",
     "INSERT INTO contacts (id, external_id, episode_id, occurred_on, worker_id, kind, created_at) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, occurred_on = excluded.occurred_on, "
     "worker_id = excluded.worker_id, kind = excluded.kind",
     "contacts"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, t.instrument AS instrument, "
     "t.stage AS stage, t.assessed_on AS \"on\", t.environment AS \"scores.environment\", "
     "t.adversity AS \"scores.adversity\", t.resilience AS \"scores.resilience\", "
     "t.vulnerability AS \"scores.vulnerability\" FROM resilience_assessments t "
     "JOIN episodes e ON e.id = t.episode_id WHERE t.status = 'final'",
     "INSERT INTO resilience_assessments (id, external_id, episode_id, instrument, stage, assessed_on, environment, "
     "adversity, resilience, vulnerability, status, created_at, updated_at) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?21, ?22, ?23, ?24, 'final', ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, instrument = excluded.instrument, "
     "stage = excluded.stage, assessed_on = excluded.assessed_on, environment = excluded.environment, "
     "adversity = excluded.adversity, resilience = excluded.resilience, vulnerability = excluded.vulnerability, "
     "version = version + 1, updated_at = excluded.updated_at",
     "resilience_assessments"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, p.external_id AS person, t.ace AS ace, "
     "t.identified_on AS identified_on, t.improved AS improved FROM aces t JOIN episodes e ON e.id = t.episode_id "
     "JOIN people p ON p.id = t.person_id WHERE t.status = 'final'",
     "INSERT INTO aces (id, external_id, episode_id, person_id, ace, identified_on, improved, status, created_at, "
     "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'final', ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, person_id = excluded.person_id, "
     "ace = excluded.ace, identified_on = excluded.identified_on, improved = excluded.improved, "
     "version = version + 1, updated_at = excluded.updated_at",
     "aces"},
    {"SELECT t.id AS row, t.external_id AS id, f.external_id AS family, p.external_id AS person, t.kind AS kind, "
     "t.started_on AS started_on, t.ended_on AS ended_on FROM statutory_involvements t "
     "JOIN families f ON f.id = t.family_id LEFT JOIN people p ON p.id = t.person_id WHERE 1",
     "INSERT INTO statutory_involvements (id, external_id, family_id, person_id, kind, started_on, ended_on, "
     "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?20) "
     "ON CONFLICT(id) DO UPDATE SET family_id = excluded.family_id, person_id = excluded.person_id, "
     "kind = excluded.kind, started_on = excluded.started_on, ended_on = excluded.ended_on",
     "statutory_involvements"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, t.given_on AS \"on\", t.form AS form, "
     "t.answers AS answers FROM feedback t JOIN episodes e ON e.id = t.episode_id WHERE t.status = 'final'",
     "INSERT INTO feedback (id, external_id, episode_id, given_on, form, answers, satisfaction, status, created_at, "
     "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?21, 'final', ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, given_on = excluded.given_on, "
     "form = excluded.form, answers = excluded.answers, satisfaction = excluded.satisfaction, "
     "version = version + 1, updated_at = excluded.updated_at",
     "feedback"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, t.recorded_on AS \"on\", "
     "m.external_id AS manager, t.considered_plan_effectiveness AS considered_plan_effectiveness "
     "FROM oversight_records t JOIN episodes e ON e.id = t.episode_id JOIN users m ON m.id = t.manager_id "
     "WHERE t.status = 'final'",
     "INSERT INTO oversight_records (id, external_id, episode_id, recorded_on, manager_id, "
     "considered_plan_effectiveness, status, created_at, updated_at) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'final', ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, recorded_on = excluded.recorded_on, "
     "manager_id = excluded.manager_id, considered_plan_effectiveness = excluded.considered_plan_effectiveness, "
     "version = version + 1, updated_at = excluded.updated_at",
     "oversight_records"},
    {"SELECT t.id AS row, t.external_id AS id, e.external_id AS episode, t.audited_on AS \"on\", "
     "a.external_id AS auditor, t.grade AS grade, t.shared_with_worker AS shared_with_worker "
     "FROM quality_audits t JOIN episodes e ON e.id = t.episode_id JOIN users a ON a.id = t.auditor_id "
     "WHERE t.status = 'final'",
     "INSERT INTO quality_audits (id, external_id, episode_id, audited_on, auditor_id, grade, shared_with_worker, "
     "status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'final', ?20, ?20) "
     "ON CONFLICT(id) DO UPDATE SET episode_id = excluded.episode_id, audited_on = excluded.audited_on, "
     "auditor_id = excluded.auditor_id, grade = excluded.grade, shared_with_worker = excluded.shared_with_worker, "
     "version = version + 1, updated_at = excluded.updated_at",
     "quality_audits"},
}};

}  // namespace

const InterchangeQueries& QueriesFor(interchange::RecordType type) { return kQueries[interchange::TypeIndex(type)]; }

std::string_view InsertFor(interchange::RecordType type) {
  static const auto inserts = [] {
    constexpr std::string_view kInsert = "INSERT INTO ", kConflict = " ON CONFLICT";
    std::array<std::string, interchange::kRecordTypeCount> out;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto upsert = kQueries[i].upsert;
      const auto values = upsert.substr(kInsert.size(), upsert.find(kConflict) - kInsert.size());
      out[i] = "INSERT OR ROLLBACK INTO " + std::string(values);
    }
    return out;
  }();
  return inserts[interchange::TypeIndex(type)];
}

}  // namespace hearth::sqlite
