// The SQL of the interchange records: for each type, the SELECT that reads its rows as export writes them (columns
// named for the interchange fields; "row" first) and the upsert that writes one from a file.
#pragma once
#include <string_view>

#include "domain/interchange_schema.hpp"

namespace hearth::sqlite {

struct InterchangeQueries {
  std::string_view select;  // ends in a WHERE clause: callers append " AND t.external_id = ?1" or " ORDER BY t.id"
  std::string_view upsert;  // ?1 row, ?2 external id, ?(2+i) spec field i, then the extras of its type (see store)
  std::string_view table;
};

const InterchangeQueries& QueriesFor(interchange::RecordType type);

}  // namespace hearth::sqlite
