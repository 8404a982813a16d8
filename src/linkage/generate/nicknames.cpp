#include "linkage/generate/nicknames.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

namespace hearth::linkage::generate {
namespace {

// Each line: the formal name, then the forms people use for it.
// clang-format off
constexpr std::string_view kBuiltIn[] = {
    "Robert Bob Rob Bobby Robbie",  "William Bill Will Billy",      "Richard Rich Richie Dick",
    "James Jim Jimmy Jamie",        "John Jack Johnny",             "Michael Mike Mick Mickey",
    "David Dave Dai Davy",          "Thomas Tom Tommy Twm",         "Christopher Chris Kit",
    "Anthony Tony",                 "Andrew Andy Drew",             "Stephen Steve Stevie",
    "Steven Steve Stevie",          "Daniel Dan Danny",             "Matthew Matt Matty",
    "Benjamin Ben Benny",           "Samuel Sam Sammy",             "Joseph Joe Joey",
    "Edward Ed Eddie Ted",          "Charles Charlie Chas",         "Henry Harry Hal",
    "Alexander Alex Sandy",         "Nicholas Nick Nicky",          "Peter Pete",
    "Philip Phil",                  "Timothy Tim Timmy",            "Jonathan Jon Jonny",
    "Kenneth Ken Kenny",            "Raymond Ray",                  "Ronald Ron Ronnie",
    "Terence Terry",                "Frederick Fred Freddie",       "Albert Bert Albie",
    "Patrick Pat Paddy",            "Francis Frank",                "Leslie Les",
    "Gareth Gaz",                   "Geoffrey Geoff Jeff",          "Douglas Doug Dougie",
    "Donald Don Donny",             "Stuart Stu",                   "Nathan Nate",
    "Oliver Ollie",                 "Dafydd Dai Dafi",              "Gregory Greg",
    "Dominic Dom",                  "Vincent Vince",                "Gerald Gerry",
    "Joshua Josh",                  "Callum Cal",                   "Mohammed Mo",
    "Elizabeth Liz Beth Lizzie Betty Eliza", "Margaret Maggie Peggy Meg", "Catherine Kate Cathy Cath Katie",
    "Katherine Kate Kathy Katie",   "Susan Sue Susie",              "Jennifer Jen Jenny",
    "Rebecca Becky Becca",          "Victoria Vicky Tori",          "Samantha Sam Sammy",
    "Charlotte Lottie Charlie",     "Alexandra Alex Lexie",         "Deborah Debbie Deb",
    "Patricia Pat Trish Tricia",    "Christine Chris Chrissie",     "Jacqueline Jackie",
    "Nicola Nicky Nikki",           "Amanda Mandy",                 "Gillian Gill Jill",
    "Pamela Pam",                   "Dorothy Dot Dotty",            "Abigail Abbie Abby",
    "Eleanor Ellie Nell",           "Florence Flo Florrie",         "Isabella Bella Izzy",
    "Olivia Liv Livvy",             "Amelia Millie Amy",            "Emily Em Emmy",
    "Natalie Nat",                  "Jessica Jess Jessie",          "Josephine Jo Josie",
    "Joanne Jo",                    "Kimberley Kim",                "Louise Lou",
    "Gwenllian Gwen",               "Natasha Tash Tasha",           "Caroline Caz Carrie",
    "Harriet Hattie",               "Jasmine Jas",                  "Angela Angie",
};
// clang-format on

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Title(std::string_view s) {
  std::string out = Lower(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

bool LooksLikeHeader(const std::vector<std::string>& cells) {
  static constexpr std::string_view kHeaderWords[] = {"name",       "formal", "nickname", "variant", "canonical",
                                                      "given_name", "alias",  "name1",    "name_a"};
  return std::any_of(cells.begin(), cells.end(), [](const std::string& cell) {
    const std::string low = Lower(cell);
    return std::find(std::begin(kHeaderWords), std::end(kHeaderWords), low) != std::end(kHeaderWords);
  });
}
}  // namespace

void NicknameTable::AddGroup(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    auto& list = variants_[Lower(name)];
    for (const std::string& other : names) {
      const std::string title = Title(other);
      if (Lower(other) == Lower(name) || std::find(list.begin(), list.end(), title) != list.end()) continue;
      list.push_back(title);
    }
  }
}

NicknameTable NicknameTable::BuiltIn() {
  NicknameTable table;
  for (std::string_view line : kBuiltIn) {
    std::vector<std::string> names;
    std::istringstream words{std::string(line)};
    for (std::string word; words >> word;) names.push_back(word);
    for (std::size_t i = 1; i < names.size(); ++i) table.AddGroup({names[0], names[i]});
  }
  return table;
}

std::optional<NicknameTable> NicknameTable::Load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  NicknameTable table;
  bool first_row = true;
  std::size_t formal = 0;  // the column holding the formal name
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(Trim(cell));
    if (std::exchange(first_row, false) && LooksLikeHeader(cells)) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string name = Lower(cells[i]);
        if (name == "canonical" || name == "formal") formal = i;
      }
      continue;
    }
    if (formal >= cells.size() || cells[formal].empty()) continue;
    // Only the formal name to each variant: "bob" is not a variant of "rob" just because both are Robert.
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != formal && !cells[i].empty()) table.AddGroup({cells[formal], cells[i]});
    }
  }
  if (table.Size() == 0) return std::nullopt;
  return table;
}

std::vector<std::string> NicknameTable::VariantsOf(std::string_view name) const {
  auto it = variants_.find(Lower(name));
  return it == variants_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace hearth::linkage::generate
