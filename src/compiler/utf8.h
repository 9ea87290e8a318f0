// UTF-8 checks and character counts for validating article text and for
// reporting positions in characters rather than bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::utf8 {

inline constexpr std::size_t npos = std::string_view::npos;

// Offset of the first byte that is not part of a well-formed UTF-8 sequence
// (Unicode table 3-7: no overlongs, surrogates or code points past U+10FFFF),
// or npos when `s` is valid.
std::size_t find_invalid(std::string_view s);

// Decodes the code point at s[i] of a valid string; returns its length.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp);

std::size_t count_chars(std::string_view s);

// "U+0009"
std::string code_point_name(char32_t cp);

// Characters a terminal would act on or reorder rather than show: C0 and C1
// controls, DEL, and the bidirectional formatting characters (U+061C,
// U+200E/F, U+202A-202E, U+2066-2069), which can make a message read as
// something else (CVE-2021-42574, "Trojan Source").
bool unsafe_for_terminal(char32_t cp);

// `s` with every unsafe character written as \uXXXX; line breaks kept when
// `keep_newlines` (a summary has lines; a diagnostic is one).
std::string terminal_safe(std::string_view s, bool keep_newlines = false);

// `s` as a JSON string literal for messages: quotes, backslashes and control
// characters escaped; cut to `max_chars` characters with "…" when longer.
std::string quoted(std::string_view s, std::size_t max_chars = 60);

}  // namespace dateline::utf8
