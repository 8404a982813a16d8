// UK postcodes: the shapes Royal Mail issues (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA, GIR 0AA).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

// The postcode in canonical form (upper case, one space before the inward code), or nullopt when `text`
// is not a valid UK postcode. Tolerates any case and missing or extra spaces.
std::optional<std::string> NormaliseUkPostcode(std::string_view text);

}  // namespace hearth
