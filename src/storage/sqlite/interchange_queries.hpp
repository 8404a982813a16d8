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

// The insert of a new record of `type`: the upsert without its ON CONFLICT clause, as INSERT OR ROLLBACK. An import
// is all or nothing, so a failed insert may take the whole transaction with it; in exchange SQLite needs no
// statement savepoint (and no statement journal copying every page the insert touches) for each row.
std::string_view InsertFor(interchange::RecordType type);

}  // namespace hearth::sqlite
