// The one place that knows how an Episode is laid out in the episodes table: its column list, how a row reads
// back and how its stage fields bind. Shared by the referral store (which opens episodes) and the episode store
// (which moves them on), so that a new column is added once.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/referral.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

// Episode columns of alias `e`, in the order ReadEpisode expects (kEpisodeColumnCount of them).
extern const std::string_view kEpisodeColumns;
inline constexpr int kEpisodeColumnCount = 22;

// The stage fields, in the order BindEpisodeStageFields binds them (kEpisodeStageFieldCount of them).
extern const std::string_view kEpisodeStageFieldNames;
inline constexpr int kEpisodeStageFieldCount = 16;

// "?first, ?first+1, …": `count` numbered parameters, for statements built from the lists above.
std::string NumberedParameters(int first, int count);

// Reads the kEpisodeColumns starting at column `first`.
Episode ReadEpisode(const Statement& st, int first = 0);
// Binds the stage fields of `e` to parameters first … first + kEpisodeStageFieldCount - 1.
void BindEpisodeStageFields(Statement& st, const Episode& e, int first);

// Binding helpers shared by the journey stores: an absent date or a zero id is NULL.
void BindDate(Statement& st, int index, const std::optional<Date>& date);
void BindId(Statement& st, int index, RecordId id);
std::optional<Date> ReadDate(const Statement& st, int column);
Date ReadRequiredDate(const Statement& st, int column);

}  // namespace hearth::sqlite
