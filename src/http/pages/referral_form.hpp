// The referral form shared by "a referral for a new family" and "a referral for a family already known":
// reading the posted fields into a ReferralSubmission and building the template data to show it again.
#pragma once
#include <optional>
#include <vector>

#include "app/referral_service.hpp"
#include "http/views.hpp"

namespace hearth::http {

// Person blocks on the new-family form; without JavaScript there is no "add another", so the page offers
// enough for a typical referral (a child and their parents) and more people are added on the family page.
inline constexpr int kPersonBlocks = 3;

struct ReferralForm {
  ReferralSubmission submission;
  std::vector<int> block_of_person;  // submission.people[i] came from person block block_of_person[i]
};

// Reads a posted referral form. For a new family (`family_id` empty), "family.<field>" fills the household
// and "people[i].<field>" the people; an empty person block is left out.
ReferralForm ReadReferralForm(const Input& form, std::optional<RecordId> family_id);

// Renames "people[i]" in field errors to the person block the person came from (empty blocks are skipped
// when submitting, so the indexes differ) and orders the errors as the page shows the fields.
Error ErrorForForm(Error error, const std::vector<int>& block_of_person);

// A fresh form: received today; on a new family, the first person is a child.
Input DefaultReferralValues(bool new_family);

// The form's fields by section ("received_on", "source", ..., "people" for a new family) and "form" (the
// error summary).
mustache::data ReferralFormData(const MessageCatalogue& messages, const Input& values, const Error* error,
                                bool new_family);

// The people already known who may be the family being referred, for the warning panel.
mustache::data PossibleMatchesData(const MessageCatalogue& messages, const std::vector<PossibleMatch>& matches,
                                   const Input& values, const std::vector<int>& block_of_person);

}  // namespace hearth::http
