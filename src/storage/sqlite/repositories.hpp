// SQLite implementations of the ports. Each holds the connection of the unit of work that made it.
#pragma once
#include "ports/database.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

class SqliteUsers final : public UserRepository {
 public:
  explicit SqliteUsers(Connection& c) : c_(c) {}
  std::optional<User> FindByUsername(const std::string& username) override;
  std::optional<User> FindById(RecordId id) override;
  RecordId Insert(const User& user) override;
  void SetDisabled(RecordId id, bool disabled) override;
  void SetPasswordHash(RecordId id, const std::string& hash) override;
  std::vector<User> List(int offset, int limit) override;
  int Count() override;
  std::optional<Team> FindTeamByName(const std::string& name) override;
  RecordId InsertTeam(const std::string& name) override;
  std::vector<Team> ListTeams() override;
  void InsertApiToken(RecordId user_id, const std::string& token_hash, const std::string& created_at) override;
  std::optional<User> FindByApiTokenHash(const std::string& token_hash) override;
  void DeleteApiTokens(RecordId user_id) override;

 private:
  Connection& c_;
};

class SqliteSessions final : public SessionRepository {
 public:
  explicit SqliteSessions(Connection& c) : c_(c) {}
  void Insert(const SessionRecord& session) override;
  std::optional<SessionRecord> Find(const std::string& id_hash) override;
  void Touch(const std::string& id_hash, long long now) override;
  void MarkEnded(const std::string& id_hash, long long now) override;
  std::optional<SessionRecord> FindForUserByCsrf(RecordId user_id, const std::string& csrf_token) override;
  void Delete(const std::string& id_hash) override;
  void DeleteForUser(RecordId user_id) override;
  void DeleteExpired(long long idle_cutoff, long long absolute_cutoff) override;

 private:
  Connection& c_;
};

class SqliteThrottle final : public SignInThrottleRepository {
 public:
  explicit SqliteThrottle(Connection& c) : c_(c) {}
  int CountFailuresSince(const std::string& source, long long since) override;
  void RecordFailure(const std::string& source, long long at) override;
  void ClearFailures(const std::string& source) override;
  void DeleteBefore(long long cutoff) override;

 private:
  Connection& c_;
};

class SqliteFamilies final : public FamilyRepository {
 public:
  explicit SqliteFamilies(Connection& c) : c_(c) {}
  RecordId Insert(const Family& family) override;
  bool Update(const Family& family) override;
  std::optional<Family> FindById(RecordId id) override;
  bool IsVisible(RecordId family_id, const FamilyVisibility& visibility) override;
  FamilySearchResult Search(const FamilySearch& search) override;
  int Count() override;

 private:
  Connection& c_;
};

class SqlitePeople final : public PersonRepository {
 public:
  explicit SqlitePeople(Connection& c) : c_(c) {}
  RecordId Insert(const Person& person) override;
  bool Update(const Person& person) override;
  std::optional<Person> FindById(RecordId id) override;
  std::vector<Person> ListForFamily(RecordId family_id) override;
  std::vector<Person> FindByDateOfBirth(const Date& date_of_birth, const FamilyVisibility& visibility) override;
  std::vector<PersonWithAddress> ListWithAddressAfter(RecordId after_id, int limit) override;
  std::vector<LinkageChange> LinkageChangesAfter(std::int64_t after_seq, int limit) override;
  std::int64_t LastLinkageChange() override;
  RecordId InsertRelationship(const Relationship& relationship) override;
  std::vector<Relationship> ListRelationships(RecordId family_id) override;
  bool DeleteRelationship(RecordId family_id, RecordId relationship_id) override;

 private:
  Connection& c_;
};

class SqliteReferrals final : public ReferralRepository {
 public:
  explicit SqliteReferrals(Connection& c) : c_(c) {}
  RecordId Insert(const Referral& referral) override;
  std::optional<Referral> FindById(RecordId id) override;
  std::vector<Referral> ListForFamily(RecordId family_id) override;
  RecordId InsertEpisode(const Episode& episode) override;
  std::vector<Episode> ListEpisodes(RecordId family_id) override;
  void InsertAssignment(RecordId episode_id, RecordId user_id, Role role, const Date& from) override;

 private:
  Connection& c_;
};

class SqliteEpisodes final : public EpisodeRepository {
 public:
  explicit SqliteEpisodes(Connection& c) : c_(c) {}
  std::optional<Episode> FindById(RecordId id) override;
  bool Update(const Episode& episode) override;
  std::vector<Episode> ListInStage(EpisodeStage stage, int offset, int limit) override;
  RecordId InsertAssignment(const Assignment& assignment) override;
  void EndAssignments(RecordId episode_id, std::optional<Role> role, const Date& on,
                      const std::string& reason) override;
  std::vector<Assignment> ListAssignments(RecordId episode_id) override;
  void InsertWorkerChange(const WorkerChange& change) override;
  std::vector<WorkerChange> ListWorkerChanges(RecordId episode_id) override;
  void SetLeadPractitioner(RecordId episode_id, RecordId practitioner_id) override;
  std::vector<WorkItem> ListWork(const std::vector<RecordId>& user_ids) override;
  std::map<RecordId, std::string> FamilyLabels(const std::vector<RecordId>& family_ids) override;

 private:
  Connection& c_;
};

// Split by subject over casework_store.cpp (assessment, appraisals, services), plan_store.cpp and
// activity_store.cpp (contacts, TAF meetings, reviews, statutory involvement).
class SqliteCasework final : public CaseworkRepository {
 public:
  explicit SqliteCasework(Connection& c) : c_(c) {}
  std::optional<FamilyAssessment> FindAssessment(RecordId episode_id) override;
  bool SaveAssessment(const FamilyAssessment& assessment) override;
  RecordId InsertAppraisal(const Appraisal& appraisal) override;
  std::optional<Appraisal> FindAppraisal(RecordId id) override;
  bool AnswerAppraisal(const Appraisal& appraisal) override;
  std::vector<Appraisal> ListAppraisals(RecordId episode_id) override;
  std::vector<Appraisal> ListAppraisalsForAgency(Agency agency, int offset, int limit) override;
  std::optional<FamilyPlan> FindPlan(RecordId episode_id) override;
  bool SavePlan(const FamilyPlan& plan) override;
  RecordId InsertObjective(const Objective& objective) override;
  RecordId InsertAction(const PlanAction& action) override;
  std::optional<PlanAction> FindAction(RecordId id) override;
  bool UpdateAction(const PlanAction& action) override;
  std::vector<Service> ListServices() override;
  std::optional<Service> FindService(RecordId id) override;
  RecordId InsertService(const Service& service) override;
  std::optional<Service> FindServiceByName(const std::string& name) override;
  bool UpdateService(const Service& service) override;
  RecordId InsertContact(const Contact& contact) override;
  std::vector<Contact> ListContacts(RecordId episode_id) override;
  RecordId InsertTafMeeting(const TafMeeting& meeting) override;
  std::vector<TafMeeting> ListTafMeetings(RecordId episode_id) override;
  RecordId InsertReview(const PlanReview& review) override;
  std::vector<PlanReview> ListReviews(RecordId episode_id) override;
  RecordId InsertPanelDecision(const PanelDecision& decision) override;
  std::vector<PanelDecision> ListPanelDecisions(RecordId episode_id) override;
  RecordId InsertStatutory(const StatutoryInvolvement& involvement) override;
  std::vector<StatutoryInvolvement> ListStatutory(RecordId family_id) override;

 private:
  Connection& c_;
};

class SqlitePanelMeetings final : public PanelMeetingRepository {
 public:
  explicit SqlitePanelMeetings(Connection& c) : c_(c) {}
  RecordId Insert(const PanelMeeting& meeting, RecordId created_by) override;
  std::optional<PanelMeeting> FindById(RecordId id) override;
  bool Update(const PanelMeeting& meeting) override;
  std::vector<PanelMeeting> ListFrom(const Date& on, int limit) override;
  std::vector<PanelMeeting> ListBefore(const Date& on, int offset, int limit) override;
  int CountBefore(const Date& on) override;
  std::vector<PanelDecision> ListDecisions(RecordId meeting_id) override;

 private:
  Connection& c_;
};

class SqlitePractitioners final : public PractitionerRepository {
 public:
  explicit SqlitePractitioners(Connection& c) : c_(c) {}
  std::vector<Practitioner> List(int offset, int limit) override;
  int Count() override;
  std::optional<Practitioner> FindById(RecordId id) override;
  RecordId Insert(const Practitioner& practitioner) override;
  bool Update(const Practitioner& practitioner) override;

 private:
  Connection& c_;
};

class SqliteAudit final : public AuditRepository {
 public:
  explicit SqliteAudit(Connection& c) : c_(c) {}
  void Append(const AuditEvent& event) override;
  std::vector<AuditEvent> ListForFamily(RecordId family_id, int offset, int limit) override;
  int CountForFamily(RecordId family_id) override;
  std::vector<AuditEvent> ListRecent(int offset, int limit) override;
  int Count() override;

 private:
  Connection& c_;
};

class SqliteReports final : public ReportRepository {
 public:
  // `pool`, when given, lends the connections that let the history load on two threads (LoadServiceHistory).
  explicit SqliteReports(Connection& c, ConnectionSource* pool = nullptr) : c_(c), pool_(pool) {}
  ServiceHistory LoadServiceHistory(Date from, Date to) override;
  ReportNames LoadNames() override;

 private:
  Connection& c_;
  ConnectionSource* pool_;
};

class SqliteDrafts final : public DraftRepository {
 public:
  explicit SqliteDrafts(Connection& c) : c_(c) {}
  RecordId Insert(const Draft& draft) override;
  std::vector<Draft> ListForUser(RecordId user_id) override;
  int CountForUser(RecordId user_id) override;
  std::optional<Draft> FindForUser(RecordId draft_id, RecordId user_id) override;
  bool DeleteForUser(RecordId draft_id, RecordId user_id) override;
  void DeleteSavedBefore(long long cutoff) override;

 private:
  Connection& c_;
};

// The SQL fragment and its binding that restrict families (alias `f`) to those `visibility` allows.
// Appends to `sql` and returns the values to bind, in order, after the caller's own.
std::vector<std::string> AppendVisibilityFilter(std::string& sql, const FamilyVisibility& visibility);

class SqliteAssessments final : public AssessmentRepository {
 public:
  explicit SqliteAssessments(Connection& c) : c_(c) {}
  RecordId Insert(const AssessmentResult& result) override;
  std::optional<AssessmentResult> FindById(RecordId id) override;
  bool Update(const AssessmentResult& result) override;
  std::vector<AssessmentResult> ListForEpisode(RecordId episode_id) override;

 private:
  Connection& c_;
};

class SqliteOutcomes final : public OutcomeRepository {
 public:
  explicit SqliteOutcomes(Connection& c) : c_(c) {}
  std::vector<NeedRecord> ListNeeds(RecordId episode_id) override;
  void SetNeedOutcomes(RecordId episode_id, const std::map<OutcomeArea, NeedOutcome>& outcomes) override;
  std::vector<AceEntry> ListAces(RecordId family_id) override;
  std::vector<EpisodeNeeds> ListFamilyNeeds(RecordId family_id) override;
  std::vector<OutcomeEvent> ListOutcomeEvents(RecordId family_id) override;
  std::vector<OversightDueFacts> ListOversightFacts(const std::vector<RecordId>& user_ids) override;
  std::vector<AuditDueFacts> ListAuditsDue(const Date& plan_agreed_by) override;
  std::vector<ClaimFacts> ListClaimFacts(const Date& from, const Date& to) override;
  void InsertFinalAce(const AceEntry& ace, RecordId recorded_by) override;
  void InsertFinalFeedback(RecordId episode_id, const Date& on, FeedbackForm form, std::optional<Satisfaction> satisfaction,
                           const std::string& answers_json, RecordId recorded_by) override;
  void InsertFinalOversight(const OversightEntry& entry) override;
  void InsertFinalAudit(const AuditEntry& entry) override;

 private:
  Connection& c_;
};

class SqliteInstrumentResults final : public InstrumentResultRepository {
 public:
  explicit SqliteInstrumentResults(Connection& c) : c_(c) {}
  bool Stores(std::string_view instrument) const override;
  RecordId Insert(const InstrumentResult& result) override;
  std::optional<InstrumentResult> Find(std::string_view instrument, RecordId id) override;
  bool Update(const InstrumentResult& result) override;
  std::vector<InstrumentResult> ListForEpisode(RecordId episode_id) override;
  std::vector<InstrumentResult> ListAuditsToAcknowledge(RecordId user_id) override;
  std::optional<RecordId> FindTeamManager(RecordId team_id) override;

 private:
  Connection& c_;
};

}  // namespace hearth::sqlite
