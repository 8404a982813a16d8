// Text standardisation shared by every text-like column type: the same rules for names, addresses and codes so
// that "O'Brien", "OBRIEN" and "Ó Briain"-style spellings meet.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hearth::linkage {

// Lower-case ASCII letters and digits separated by single spaces: Latin-1 and Latin Extended-A letters are folded
// to their base letters (é→e, ß→ss, Ł→l, Œ→oe), apostrophes vanish (O'Brien→obrien), every other punctuation mark
// separates words (Smith-Jones→smith jones). Letters of other scripts are kept as they are.
void FoldText(std::string_view raw, std::string& out);
std::string FoldText(std::string_view raw);

// As FoldText, then upper-case with no spaces at all: codes, postcodes, identifiers ("ab 12-34 c" → "AB1234C").
void FoldCode(std::string_view raw, std::string& out);

// American Soundex of the letters of a folded string ("robert" → "R163"); "" when it has no ASCII letters.
std::string Soundex(std::string_view folded);
// The same code packed in a non-zero integer (0 when there are no letters), for blocking keys.
uint32_t SoundexKey(std::string_view folded);

// The text before the first space.
inline std::string_view FirstWord(std::string_view s) {
  auto space = s.find(' ');
  return space == std::string_view::npos ? s : s.substr(0, space);
}

// Leading and trailing spaces and tabs removed.
std::string_view Trim(std::string_view s);

}  // namespace hearth::linkage
