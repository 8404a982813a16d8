// Model files: a small TOML document a person can read, holding m and u for every level.
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <toml++/toml.h>

#include "linkage/model.hpp"

namespace hearth::linkage {

namespace {
constexpr std::string_view kFormat = "hearth-linkage-model/1";

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

Error ModelError(const std::string& path, const std::string& what) {
  return Error{ErrorCode::kValidation, path + ": " + what, "linkage.model_error", {}};
}

Result<std::vector<double>> Numbers(const std::string& path, const toml::table& t, std::string_view key,
                                    const std::string& where) {
  const auto* a = t.get_as<toml::array>(key);
  if (a == nullptr) return ModelError(path, where + "." + std::string(key) + ": missing list of numbers");
  std::vector<double> out{0.0};  // index 0 is the null level
  for (const auto& item : *a) {
    auto v = item.value<double>();
    if (!v || *v < 0 || *v > 1) return ModelError(path, where + "." + std::string(key) + ": not a probability");
    out.push_back(*v);
  }
  return out;
}
}  // namespace

std::string ModelToToml(const Model& model) {
  std::ostringstream out;
  out << "# Hearth record linkage model (Fellegi-Sunter). m = P(level | same person), u = P(level | different\n"
      << "# people); a level's weight is log2(m/u). prior = P(two random records are the same person).\n"
      << "format = " << Quote(kFormat) << "\n"
      << "prior = " << Number(model.prior) << "\n"
      << "candidate_prior = " << Number(model.candidate_prior) << "\n"
      << "u_sample_pairs = " << model.u_sample_pairs << "\n"
      << "candidate_pairs = " << model.candidate_pairs << "\n"
      << "patterns = " << model.patterns << "\n"
      << "em_iterations = " << model.em_iterations << "\n"
      << "em_converged = " << (model.em_converged ? "true" : "false") << "\n"
      << "conditional_sample_pairs = " << model.conditional_sample_pairs << "\n";
  for (const auto& c : model.columns) {
    out << "\n[[columns]]\nname = " << Quote(c.name) << "\ntype = " << Quote(ToString(c.type))
        << "\nterm_frequency = " << (c.term_frequency ? "true" : "false");
    if (c.split > 0) out << "\nconditional_on = " << Quote(c.condition) << "\nsplit = " << c.split;
    out << "\nlevels = [";
    for (size_t g = 1; g < c.labels.size(); ++g) out << (g > 1 ? ", " : "") << Quote(c.labels[g]);
    auto list = [&](const char* name, const std::vector<double>& v) {
      out << "]\n" << name << " = [";
      for (size_t g = 1; g < v.size(); ++g) out << (g > 1 ? ", " : "") << Number(v[g]);
    };
    list("m", c.m);
    list("u", c.u);
    list("u_candidates", c.u_candidates);
    out << "]\n";
  }
  for (const auto& session : model.sessions) {
    out << "\n[[sessions]]  # EM on one blocking rule's pairs, estimating m of the columns it does not block on\n"
        << "rule = " << Quote(session.rule) << "\nestimated = [";
    for (size_t i = 0; i < session.estimated.size(); ++i) out << (i ? ", " : "") << Quote(session.estimated[i]);
    out << "]\npairs = " << session.pairs << "\nlambda = " << Number(session.lambda)
        << "\niterations = " << session.iterations << "\nconverged = " << (session.converged ? "true" : "false")
        << "\n";
  }
  for (const auto& i : model.interactions) {
    out << "\n[[interactions]]  # added to the match weight when every (column, level) holds\nname = " << Quote(i.name)
        << "\nwhen = [";
    for (size_t k = 0; k < i.when.size(); ++k) {
      const ColumnModel& c = model.columns[static_cast<size_t>(i.when[k].first)];
      out << (k ? ", " : "") << "[" << Quote(c.name) << ", " << Quote(c.labels[static_cast<size_t>(i.when[k].second)])
          << "]";
    }
    out << "]\nweight = " << Number(i.weight) << "\n";
  }
  return out.str();
}

Result<bool> SaveModel(const Model& model, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return ModelError(path, "cannot write the model file");
  out << ModelToToml(model);
  if (!out.flush()) return ModelError(path, "cannot write the model file");
  return true;
}

Result<Model> LoadModel(const std::string& path, const LinkageConfig& config) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return ModelError(path + ":" + std::to_string(e.source().begin.line), std::string(e.description()));
  }
  if (root["format"].value<std::string>() != std::string(kFormat))
    return ModelError(path, "not a Hearth linkage model (format should be \"" + std::string(kFormat) + "\")");
  Model model;
  auto prior = root["prior"].value<double>();
  if (!prior || *prior <= 0 || *prior >= 1) return ModelError(path, "prior: must be a probability between 0 and 1");
  model.prior = *prior;
  model.candidate_prior = root["candidate_prior"].value_or(0.0);
  model.u_sample_pairs = root["u_sample_pairs"].value_or(uint64_t{0});
  model.candidate_pairs = root["candidate_pairs"].value_or(uint64_t{0});
  model.patterns = root["patterns"].value_or(uint64_t{0});
  model.em_iterations = root["em_iterations"].value_or(0);
  model.em_converged = root["em_converged"].value_or(false);
  model.conditional_sample_pairs = root["conditional_sample_pairs"].value_or(uint64_t{0});
  const auto* columns = root.get_as<toml::array>("columns");
  if (columns == nullptr || columns->size() != config.columns.size())
    return ModelError(path, "the model's columns are not those of the configuration " + config.path);
  for (size_t i = 0; i < columns->size(); ++i) {
    const auto* t = (*columns)[i].as_table();
    const ColumnConfig& want = config.columns[i];
    const std::string where = "columns[" + std::to_string(i) + "]";
    if (t == nullptr) return ModelError(path, where + ": must be a table");
    ColumnModel c;
    c.name = (*t)["name"].value_or(std::string());
    if (c.name != want.name || (*t)["type"].value_or(std::string()) != ToString(want.type))
      return ModelError(path, where + ": is '" + c.name + "', the configuration has '" + want.name + "' (" +
                                  std::string(ToString(want.type)) + ") there");
    c.type = want.type;
    c.term_frequency = (*t)["term_frequency"].value_or(want.term_frequency);
    c.labels.push_back("null");
    if (const auto* levels = t->get_as<toml::array>("levels"))
      for (const auto& l : *levels) c.labels.push_back(l.value_or(std::string()));
    std::vector<std::string> expected = CodeLabels(want);
    c.condition = want.conditional_on;
    c.split = want.conditional_on.empty() ? 0 : static_cast<int>(want.levels.size()) + 1;
    if ((*t)["split"].value_or(0) != c.split)
      return ModelError(path, where + ": '" + want.name + "' is conditioned differently in the configuration");
    if (c.labels != expected)
      return ModelError(path, where + ".levels: differ from the configuration's levels for '" + want.name + "'");
    for (size_t g = 0; g < want.levels.size(); ++g)
      if (want.levels[g].kind == LevelKind::kExact && c.exact_code == 0) c.exact_code = static_cast<int>(g) + 1;
    for (auto [key, target] : {std::pair{"m", &c.m}, std::pair{"u", &c.u}, std::pair{"u_candidates", &c.u_candidates}}) {
      auto v = Numbers(path, *t, key, where);
      if (!v) return v.error();
      if (v->size() != expected.size()) return ModelError(path, where + "." + key + ": one number per level");
      *target = std::move(*v);
    }
    model.columns.push_back(std::move(c));
  }
  if (const auto* interactions = root.get_as<toml::array>("interactions")) {
    for (size_t i = 0; i < interactions->size(); ++i) {
      const std::string where = "interactions[" + std::to_string(i) + "]";
      const auto* t = (*interactions)[i].as_table();
      const auto* when = t == nullptr ? nullptr : t->get_as<toml::array>("when");
      const auto weight = t == nullptr ? std::nullopt : (*t)["weight"].value<double>();
      if (when == nullptr || !weight) return ModelError(path, where + ": needs when = [[column, level], ...] and weight");
      Interaction x;
      x.name = (*t)["name"].value_or(std::string{});
      x.weight = *weight;
      for (const auto& item : *when) {
        const auto* pair = item.as_array();
        const auto column = pair && pair->size() == 2 ? (*pair)[0].value<std::string>() : std::nullopt;
        const auto level = pair && pair->size() == 2 ? (*pair)[1].value<std::string>() : std::nullopt;
        int c = -1, code = -1;
        for (size_t k = 0; column && k < model.columns.size(); ++k)
          if (model.columns[k].name == *column) c = static_cast<int>(k);
        if (c >= 0 && level) {
          const auto& labels = model.columns[static_cast<size_t>(c)].labels;
          for (size_t g = 1; g < labels.size(); ++g)
            if (labels[g] == *level) code = static_cast<int>(g);
        }
        if (code < 0) return ModelError(path, where + ".when: an unknown column or level");
        x.when.emplace_back(c, code);
      }
      model.interactions.push_back(std::move(x));
    }
  }
  return model;
}

}  // namespace hearth::linkage
