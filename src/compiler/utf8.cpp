#include "compiler/utf8.h"

#include <cstdio>

namespace dateline::utf8 {
namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) {
    return c >= lo && c <= hi;
}

// Length of the well-formed sequence at s[i], or 0.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) -> unsigned char {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    };
    const unsigned char c = at(0);
    if (c < 0x80) return 1;
    if (in(c, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
    if (c < 0xE0 || c > 0xF4) return 0;
    const std::size_t length = c < 0xF0 ? 3 : 4;
    // The second byte's range rules out overlongs (E0, F0), surrogates (ED)
    // and code points past U+10FFFF (F4).
    const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (!in(at(1), lo, hi)) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (!in(at(k), 0x80, 0xBF)) return 0;
    }
    return length;
}

}  // namespace

std::size_t find_invalid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = sequence_length(s, i);
        if (length == 0) return i;
        i += length;
    }
    return npos;
}

std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + length > s.size()) length = 1;
    cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return length;
}

std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool unsafe_for_terminal(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

namespace {

void append_escape(std::string& out, char32_t cp) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
    out += buf;
}

}  // namespace

std::string terminal_safe(std::string_view s, bool keep_newlines) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t length = decode(s, i, cp);
        if (unsafe_for_terminal(cp) && !(keep_newlines && cp == '\n')) {
            append_escape(out, cp);
        } else {
            out.append(s, i, length);
        }
        i += length;
    }
    return out;
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string quoted(std::string_view s, std::size_t max_chars) {
    std::string out = "\"";
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (chars++ == max_chars) {
            out += "…";
            break;
        }
        char32_t cp = 0;
        const std::size_t length = decode(s, i, cp);
        if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (unsafe_for_terminal(cp)) {
            append_escape(out, cp);
        } else {
            out.append(s, i, length);
        }
        i += length;
    }
    return out + "\"";
}

}  // namespace dateline::utf8
