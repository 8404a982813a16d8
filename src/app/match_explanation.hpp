// Why the linkage engine thinks a stored person may be someone entered at the front door, in terms the pages and
// the API can put into words without knowing the engine (see PersonLinkage).
#pragma once
#include <string>
#include <vector>

namespace hearth {

// One comparison's part of a match weight. `field` and `level` are words the catalogue can put into plain
// English (referrals.matches.field.* and referrals.matches.level.*).
struct MatchStep {
  std::string field;    // given_name, family_name, date_of_birth, sex, postcode, address, or "correction"
  std::string level;    // exact, nickname, similar, missing, different, ... (see LevelWord)
  std::string entered;  // standardised value in the referral ("" when missing)
  std::string stored;   // standardised value on record ("" when missing)
  double weight = 0;    // level weight plus rarity
  double rarity = 0;    // the term-frequency part: how rare the shared value is
};

// The waterfall of `hearth link explain`: the prior, each comparison, the total and its probability.
struct MatchExplanation {
  double prior_weight = 0;
  std::vector<MatchStep> steps;
  double weight = 0;
  double probability = 0;
};

}  // namespace hearth
