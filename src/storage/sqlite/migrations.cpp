#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kAll = {
      {1, "initial: users, sessions, families, people, referrals, episodes, audit", kMigration0001Initial},
  };
  return kAll;
}

}  // namespace hearth::sqlite
