// Submitted values by field name, as both an HTML form and a JSON body reduce to: the same parsing and
// validation then serve the pages and the API.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

class Input {
 public:
  void Add(std::string name, std::string value) { values_[std::move(name)].push_back(std::move(value)); }
  // The first value, or "" when absent.
  const std::string& Get(std::string_view name) const;
  const std::vector<std::string>& GetAll(std::string_view name) const;
  bool Has(std::string_view name) const { return values_.find(std::string(name)) != values_.end(); }
  const std::map<std::string, std::vector<std::string>, std::less<>>& Values() const { return values_; }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

}  // namespace hearth
