#include "app/instrument_config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "common/error.hpp"

namespace hearth {
namespace {

// Far beyond any real scale or total, and small enough that summing a form's items cannot overflow an int.
constexpr std::int64_t kMaxMagnitude = 1000000;

// Reads one file's TOML into an Instrument, refusing the first thing wrong with its line and field.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void Fail(const toml::node* node, const std::string& field, const std::string& problem) const {
    std::string where = file_;
    if (node != nullptr && node->source().begin.line > 0) where += ":" + std::to_string(node->source().begin.line);
    throw FatalError(where + ": " + field + ": " + problem);
  }

  const toml::table& Table(const toml::node& node, const std::string& field) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) Fail(&node, field, "must be a table");
    return *table;
  }

  void OnlyKeys(const toml::table& table, const std::string& field,
                std::initializer_list<std::string_view> keys) const {
    for (const auto& [key, value] : table) {
      if (std::find(keys.begin(), keys.end(), key.str()) != keys.end()) continue;
      std::string expected;
      for (std::string_view k : keys) expected += (expected.empty() ? "" : ", ") + std::string(k);
      Fail(&value, Join(field, key.str()), "unknown key (expected " + expected + ")");
    }
  }

  const toml::node& Required(const toml::table& table, std::string_view key, const std::string& field) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) Fail(&table, Join(field, key), "missing");
    return *node;
  }

  std::string String(const toml::table& table, std::string_view key, const std::string& field, bool required) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (required) Fail(&table, Join(field, key), "missing");
      return "";
    }
    const auto* text = node->as_string();
    if (text == nullptr) Fail(node, Join(field, key), "must be text in quotes");
    return text->get();
  }

  int Integer(const toml::node& node, const std::string& field) const {
    const auto* value = node.as_integer();
    if (value == nullptr) Fail(&node, field, "must be a whole number");
    if (value->get() < -kMaxMagnitude || value->get() > kMaxMagnitude)
      Fail(&node, field, "must be from " + std::to_string(-kMaxMagnitude) + " to " + std::to_string(kMaxMagnitude));
    return static_cast<int>(value->get());
  }

  const toml::array& Array(const toml::node& node, const std::string& field) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) Fail(&node, field, "must be a list in [ ]");
    return *array;
  }

  template <class E>
  E Enum(const toml::node& node, const std::string& field) const {
    const auto* text = node.as_string();
    std::string expected;
    for (std::string_view name : EnumTraits<E>::kNames) expected += (expected.empty() ? "" : ", ") + std::string(name);
    if (text == nullptr) Fail(&node, field, "must be text in quotes, one of " + expected);
    const auto value = ParseEnum<E>(text->get());
    if (!value) Fail(&node, field, "unknown value '" + text->get() + "' (expected one of " + expected + ")");
    return *value;
  }

  template <class E>
  std::vector<E> EnumList(const toml::node& node, const std::string& field) const {
    std::vector<E> values;
    const toml::array& array = Array(node, field);
    for (std::size_t i = 0; i < array.size(); ++i) values.push_back(Enum<E>(*array.get(i), At(field, i)));
    return values;
  }

  static std::string Join(const std::string& field, std::string_view key) {
    return field.empty() ? std::string(key) : field + "." + std::string(key);
  }
  static std::string At(const std::string& field, std::size_t index) {
    return field + "[" + std::to_string(index) + "]";
  }

  Band ReadBand(const toml::node& node, const std::string& field) const {
    const toml::table& table = Table(node, field);
    OnlyKeys(table, field, {"id", "label", "from", "to"});
    return Band{String(table, "id", field, true), String(table, "label", field, true),
                Integer(Required(table, "from", field), Join(field, "from")),
                Integer(Required(table, "to", field), Join(field, "to"))};
  }

  std::vector<Band> ReadBands(const toml::table& table, const std::string& field) const {
    std::vector<Band> bands;
    const toml::node* node = table.get("bands");
    if (node == nullptr) return bands;
    const toml::array& array = Array(*node, Join(field, "bands"));
    for (std::size_t i = 0; i < array.size(); ++i)
      bands.push_back(ReadBand(*array.get(i), At(Join(field, "bands"), i)));
    return bands;
  }

  // Each element of the list `key` of the root, as a table, with its field path.
  template <class Fn>
  void EachTable(const toml::table& root, std::string_view key, Fn&& fn) const {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    const toml::array& array = Array(*node, std::string(key));
    for (std::size_t i = 0; i < array.size(); ++i) {
      const std::string field = At(std::string(key), i);
      fn(Table(*array.get(i), field), field);
    }
  }

  Instrument Read(const toml::table& root) const {
    OnlyKeys(root, "",
             {"id", "version", "title", "description", "completed_by", "stages", "per", "person_role", "scoring",
              "scales", "domains", "items", "questions"});
    Instrument instrument;
    instrument.id = String(root, "id", "", true);
    instrument.version = Integer(Required(root, "version", ""), "version");
    instrument.title = String(root, "title", "", true);
    instrument.description = String(root, "description", "", false);
    instrument.completed_by = EnumList<Role>(Required(root, "completed_by", ""), "completed_by");
    instrument.stages = EnumList<InstrumentStage>(Required(root, "stages", ""), "stages");
    instrument.per = Enum<InstrumentSubject>(Required(root, "per", ""), "per");
    if (const toml::node* role = root.get("person_role"))
      instrument.person_role = Enum<MemberRole>(*role, "person_role");
    if (const toml::node* scoring = root.get("scoring")) instrument.scoring = ReadScoring(Table(*scoring, "scoring"));
    EachTable(root, "scales", [&](const toml::table& table, const std::string& field) {
      instrument.scales.push_back(ReadScale(table, field));
    });
    EachTable(root, "domains", [&](const toml::table& table, const std::string& field) {
      OnlyKeys(table, field, {"id", "title", "bands"});
      instrument.domains.push_back(
          ScoreDomain{String(table, "id", field, true), String(table, "title", field, true), ReadBands(table, field)});
    });
    EachTable(root, "items", [&](const toml::table& table, const std::string& field) {
      OnlyKeys(table, field, {"id", "domain", "scale", "text"});
      instrument.items.push_back(Item{String(table, "id", field, true), String(table, "domain", field, true),
                                      String(table, "scale", field, true), String(table, "text", field, true)});
    });
    EachTable(root, "questions", [&](const toml::table& table, const std::string& field) {
      instrument.questions.push_back(ReadQuestion(table, field));
    });
    return instrument;
  }

  Scoring ReadScoring(const toml::table& table) const {
    OnlyKeys(table, "scoring", {"direction", "combined_title", "bands"});
    Scoring scoring;
    scoring.direction = Enum<ScoreDirection>(Required(table, "direction", "scoring"), "scoring.direction");
    scoring.combined_title = String(table, "combined_title", "scoring", true);
    scoring.bands = ReadBands(table, "scoring");
    return scoring;
  }

  ResponseScale ReadScale(const toml::table& table, const std::string& field) const {
    OnlyKeys(table, field, {"id", "points"});
    ResponseScale scale;
    scale.id = String(table, "id", field, true);
    const std::string points_field = Join(field, "points");
    const toml::array& points = Array(Required(table, "points", field), points_field);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::string at = At(points_field, i);
      const toml::table& point = Table(*points.get(i), at);
      OnlyKeys(point, at, {"value", "label"});
      scale.points.push_back(
          {Integer(Required(point, "value", at), Join(at, "value")), String(point, "label", at, true)});
    }
    return scale;
  }

  Question ReadQuestion(const toml::table& table, const std::string& field) const {
    OnlyKeys(table, field, {"id", "kind", "text", "hint", "required", "options", "scale", "only_if", "max_length"});
    Question question;
    question.id = String(table, "id", field, true);
    question.kind = Enum<QuestionKind>(Required(table, "kind", field), Join(field, "kind"));
    question.text = String(table, "text", field, true);
    question.hint = String(table, "hint", field, false);
    if (const toml::node* required = table.get("required")) {
      const auto* flag = required->as_boolean();
      if (flag == nullptr) Fail(required, Join(field, "required"), "must be true or false");
      question.required = flag->get();
    }
    if (const toml::node* options = table.get("options")) {
      const std::string options_field = Join(field, "options");
      const toml::array& array = Array(*options, options_field);
      for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string at = At(options_field, i);
        const toml::table& option = Table(*array.get(i), at);
        OnlyKeys(option, at, {"value", "label"});
        question.options.push_back({String(option, "value", at, true), String(option, "label", at, true)});
      }
    }
    question.scale = String(table, "scale", field, false);
    question.only_if = String(table, "only_if", field, false);
    if (const toml::node* max_length = table.get("max_length"))
      question.max_length = Integer(*max_length, Join(field, "max_length"));
    return question;
  }

  // The line of the element a definition problem names, or of its nearest enclosing element that exists.
  const toml::node* NodeAt(const toml::table& root, std::string path) const {
    while (!path.empty()) {
      if (const toml::node* node = toml::at_path(root, path).node()) return node;
      const auto cut = path.find_last_of(".[");
      path = cut == std::string::npos ? std::string() : path.substr(0, cut);
    }
    return nullptr;
  }

  void CheckDefinition(const toml::table& root, const Instrument& instrument) const {
    const auto problems = ValidateDefinition(instrument);
    if (!problems.empty()) Fail(NodeAt(root, problems.front().path), problems.front().path, problems.front().problem);
    const std::string expected = instrument.id + ".v" + std::to_string(instrument.version) + ".toml";
    const std::string name = std::filesystem::path(file_).filename().string();
    if (name != expected)
      Fail(root.get("id"), "id",
           "the file of version " + std::to_string(instrument.version) + " of '" + instrument.id + "' must be named " +
               expected + ", not " + name);
  }

 private:
  std::string file_;
};

}  // namespace

void InstrumentRegistry::Add(Instrument instrument) {
  auto key = std::make_pair(instrument.id, instrument.version);
  if (by_key_.count(key) != 0)
    throw FatalError("instrument '" + instrument.id + "' version " + std::to_string(instrument.version) +
                     " is defined twice");
  by_key_.emplace(std::move(key), std::move(instrument));
}

const Instrument* InstrumentRegistry::Find(std::string_view id, int version) const {
  const auto it = by_key_.find(std::make_pair(std::string(id), version));
  return it == by_key_.end() ? nullptr : &it->second;
}

const Instrument* InstrumentRegistry::Current(std::string_view id) const {
  const Instrument* current = nullptr;
  for (const auto& [key, instrument] : by_key_)
    if (key.first == id) current = &instrument;  // the map orders versions of one id lowest first
  return current;
}

std::vector<const Instrument*> InstrumentRegistry::CurrentAll() const {
  std::vector<const Instrument*> all;
  for (auto it = by_key_.begin(); it != by_key_.end(); ++it) {
    const auto next = std::next(it);
    if (next == by_key_.end() || next->first.first != it->first.first) all.push_back(&it->second);
  }
  return all;
}

std::vector<int> InstrumentRegistry::Versions(std::string_view id) const {
  std::vector<int> versions;
  for (const auto& [key, instrument] : by_key_)
    if (key.first == id) versions.push_back(key.second);
  return versions;
}

Instrument ParseInstrument(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw FatalError(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  const Reader reader(file);
  Instrument instrument = reader.Read(root);
  reader.CheckDefinition(root, instrument);
  return instrument;
}

InstrumentRegistry LoadInstruments(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw FatalError(folder.string() + ": the instrument folder cannot be read");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());  // the same file is reported first whatever the directory's order

  InstrumentRegistry registry;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FatalError(file.string() + ": cannot read the instrument definition");
    std::ostringstream text;
    text << in.rdbuf();
    registry.Add(ParseInstrument(text.str(), file.string()));
  }
  return registry;
}

}  // namespace hearth
