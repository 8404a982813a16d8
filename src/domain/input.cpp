#include "domain/input.hpp"

namespace hearth {
namespace {
const std::string kEmpty;
const std::vector<std::string> kNone;
}  // namespace

const std::string& Input::Get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? kEmpty : it->second.front();
}

const std::vector<std::string>& Input::GetAll(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? kNone : it->second;
}

}  // namespace hearth
