#include "compiler/formats.h"

namespace dateline {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_alpha(char c) {
    return is_lower(c) || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool is_id(std::string_view s, std::size_t max_chars) {
    if (s.empty() || s.size() > max_chars || s[0] == '-') return false;
    for (char c : s) {
        if (!is_lower(c) && !is_digit(c) && c != '-') return false;
    }
    return true;
}

bool is_language_tag(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_alpha(s[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i++] != '-') return false;
        const std::size_t start = i;
        while (i < s.size() && (is_alpha(s[i]) || is_digit(s[i]))) ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

bool is_country_code(std::string_view s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!is_digit(s[i])) return false;
    }
    const auto number = [&](std::size_t at, std::size_t digits) {
        int n = 0;
        for (std::size_t i = at; i < at + digits; ++i) n = n * 10 + (s[i] - '0');
        return n;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<std::uint32_t> parse_colour(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const int digit = hex_value(s[i]);
        if (digit < 0) return std::nullopt;
        value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return value;
}

}  // namespace dateline
