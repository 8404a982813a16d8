// The service's staff accounts, for the use cases that choose among them (allocation, a manager's team).
#pragma once
#include <functional>
#include <vector>

#include "ports/users.hpp"

namespace hearth {

// The enabled users `keep` accepts, read a page at a time (a service has hundreds of staff, not millions), with
// their password hashes cleared: nothing that lists staff needs them.
inline std::vector<User> EnabledStaff(UserRepository& users, const std::function<bool(const User&)>& keep) {
  constexpr int kBatch = 500;
  std::vector<User> out;
  for (int offset = 0;; offset += kBatch) {
    auto batch = users.List(offset, kBatch);
    for (auto& u : batch) {
      if (u.disabled || !keep(u)) continue;
      u.password_hash.clear();
      out.push_back(std::move(u));
    }
    if (batch.size() < static_cast<std::size_t>(kBatch)) break;
  }
  return out;
}

}  // namespace hearth
