// Ids of the generated records: a short prefix per record type and a running number, unique within the type.
#pragma once
#include <string>
#include <string_view>

namespace hearth::demo {

class IdSequence {
 public:
  explicit IdSequence(std::string_view prefix) : prefix_(prefix) {}
  std::string Next() { return prefix_ + std::to_string(++last_); }
  long long Count() const { return last_; }

 private:
  std::string prefix_;
  long long last_ = 0;
};

struct HistoryIds {
  IdSequence family{"f"}, person{"p"}, referral{"r"}, episode{"e"}, assignment{"as"}, appraisal{"ap"}, action{"ac"},
      contact{"c"}, assessment{"ra"}, ace{"ace"}, statutory{"st"}, feedback{"fb"}, oversight{"ov"}, audit{"au"};
};

}  // namespace hearth::demo
