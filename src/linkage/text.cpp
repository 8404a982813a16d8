#include "linkage/text.hpp"

namespace hearth::linkage {

namespace {
// ASCII replacements for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A).
constexpr const char* kFold[192] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
};

enum class Kind { kKeep, kDrop, kSpace };

// What to do with a character outside ASCII letters and digits.
Kind AsciiKind(unsigned char c) {
  if (c == '\'' || c == '`') return Kind::kDrop;
  return Kind::kSpace;
}

void PushSpace(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}
}  // namespace

void FoldText(std::string_view raw, std::string& out) {
  out.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const auto* end = p + raw.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push_back(static_cast<char>(c));
      } else if (AsciiKind(c) == Kind::kSpace) {
        PushSpace(out);
      }
      continue;
    }
    // A two-byte UTF-8 sequence for U+0080..U+07FF.
    if ((c & 0xE0) == 0xC0 && p + 1 < end && (p[1] & 0xC0) == 0x80) {
      unsigned cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
      if (cp >= 0xC0 && cp < 0x180) {
        out.append(kFold[cp - 0xC0]);
        if (out.back() == ' ') {  // × and ÷
          out.pop_back();
          PushSpace(out);
        }
      } else if (cp == 0x2BC) {  // modifier letter apostrophe
      } else if (cp < 0xC0) {    // Latin-1 symbols and the no-break space
        PushSpace(out);
      } else {
        out.append(reinterpret_cast<const char*>(p), 2);
      }
      p += 2;
      continue;
    }
    // Three-byte sequences: curly apostrophes vanish, dashes and other general punctuation separate words.
    if ((c & 0xF0) == 0xE0 && p + 2 < end) {
      unsigned cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      if (cp == 0x2018 || cp == 0x2019) {
      } else if (cp >= 0x2000 && cp <= 0x206F) {
        PushSpace(out);
      } else {
        out.append(reinterpret_cast<const char*>(p), 3);
      }
      p += 3;
      continue;
    }
    out.push_back(static_cast<char>(c));  // anything else is kept byte for byte
    ++p;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
}

std::string FoldText(std::string_view raw) {
  std::string out;
  FoldText(raw, out);
  return out;
}

void FoldCode(std::string_view raw, std::string& out) {
  FoldText(raw, out);
  size_t w = 0;
  for (char c : out) {
    if (c == ' ') continue;
    out[w++] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - ('a' - 'A')) : c;
  }
  out.resize(w);
}

namespace {
// Soundex digit for a lower-case letter: 0 for vowels (they separate equal digits), 7 for h and w (they do not).
constexpr char kSoundexDigit[26] = {0, 1, 2, 3, 0, 1, 2, 7, 0, 2, 2, 4, 5, 5, 0, 1, 2, 6, 2, 3, 0, 1, 7, 2, 0, 2};
}  // namespace

std::string Soundex(std::string_view folded) {
  std::string code;
  char last = 0;
  for (char c : folded) {
    if (c < 'a' || c > 'z') continue;
    char d = kSoundexDigit[c - 'a'];
    if (code.empty()) {
      code.push_back(static_cast<char>(c - ('a' - 'A')));
      last = d;
      continue;
    }
    if (d == 7) continue;
    if (d != 0 && d != last) {
      code.push_back(static_cast<char>('0' + d));
      if (code.size() == 4) break;
    }
    last = d;
  }
  if (code.empty()) return code;
  code.resize(4, '0');
  return code;
}

uint32_t SoundexKey(std::string_view folded) {
  std::string code = Soundex(folded);
  if (code.empty()) return 0;
  uint32_t key = static_cast<uint32_t>(code[0] - 'A' + 1);
  for (size_t i = 1; i < 4; ++i) key = key * 16 + static_cast<uint32_t>(code[i] - '0');
  return key;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

}  // namespace hearth::linkage
