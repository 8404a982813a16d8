// Port: the practitioner directory (domain/practitioner.hpp) that lead professionals are chosen from.
#pragma once
#include <optional>
#include <vector>

#include "domain/practitioner.hpp"

namespace hearth {

class PractitionerRepository {
 public:
  virtual ~PractitionerRepository() = default;
  // By name, a page at a time (limit < 0: all of them, for a form's choices).
  virtual std::vector<Practitioner> List(int offset, int limit) = 0;
  virtual int Count() = 0;
  virtual std::optional<Practitioner> FindById(RecordId id) = 0;
  virtual RecordId Insert(const Practitioner& practitioner) = 0;
  virtual bool Update(const Practitioner& practitioner) = 0;  // false on a stale version; bumps it
};

}  // namespace hearth
