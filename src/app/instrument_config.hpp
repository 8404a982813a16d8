// The instrument definitions of config/instruments, read at start-up (docs/instruments.md has the format).
//
// Each file holds one version of one instrument and is named <id>.v<version>.toml. Results keep the version they
// were made with, so every version that ever shipped stays in the folder and in the registry; the current version
// of an instrument, the one new results use, is its highest. In app, not domain, because reading files is I/O.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/instrument.hpp"

namespace hearth {

class InstrumentRegistry {
 public:
  // Adds a definition that ValidateDefinition found sound. Throws FatalError if that id and version is already in.
  void Add(Instrument instrument);

  const Instrument* Find(std::string_view id, int version) const;
  // The highest version of `id`, or nullptr when there is none.
  const Instrument* Current(std::string_view id) const;
  // The current version of every instrument, ordered by id.
  std::vector<const Instrument*> CurrentAll() const;
  // Every version of `id`, lowest first.
  std::vector<int> Versions(std::string_view id) const;
  std::size_t Size() const { return by_key_.size(); }

 private:
  std::map<std::pair<std::string, int>, Instrument> by_key_;
};

// Reads every *.toml in `folder`. Throws FatalError "<file>:<line>: <field>: <problem>" on the first thing wrong in
// any file (syntax, an unknown or missing key, a wrong type, a definition ValidateDefinition refuses, a file name
// that does not match its id and version), so the registry is used whole or not at all.
InstrumentRegistry LoadInstruments(const std::filesystem::path& folder);

// One definition from text already read; `file` names it in errors, and its name must be <id>.v<version>.toml.
Instrument ParseInstrument(std::string_view text, const std::string& file);

}  // namespace hearth
