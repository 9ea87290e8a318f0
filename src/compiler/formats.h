// The formats of the article's short strings: ids, dates, colours, codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace dateline {

// ^[a-z0-9][a-z0-9-]{0,max_chars-1}$: safe in URLs (#quote=<id>), file
// names (the slug) and HTML attributes without escaping.
bool is_id(std::string_view s, std::size_t max_chars);

// A BCP 47 tag in its common shape: "en", "en-GB", "nb-NO", "zh-Hant-TW".
bool is_language_tag(std::string_view s);

// ISO 3166-1 alpha-2 in capitals: "US", "UA". (Shape only; no country list.)
bool is_country_code(std::string_view s);

// YYYY-MM-DD naming a real day of the Gregorian calendar.
bool is_iso_date(std::string_view s);

// "#rrggbb" (either case) -> 0xRRGGBB.
std::optional<std::uint32_t> parse_colour(std::string_view s);

}  // namespace dateline
