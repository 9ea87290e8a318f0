// The article format's size limits (docs/article-format.md lists them).
//
// They keep a hostile or broken file from costing the reader: every string
// ends up in the wasm data segment and in the font subset, and the widget's
// layout work grows with the text. Lengths count characters (Unicode code
// points), as an author counts them; the file limit counts bytes.
#pragma once

#include <cstddef>

namespace dateline::limits {

inline constexpr std::size_t kFileBytes = 1024 * 1024;

inline constexpr std::size_t kIdChars = 48;  // ids: ^[a-z0-9][a-z0-9-]{0,47}$
inline constexpr std::size_t kSlugChars = 64;
inline constexpr std::size_t kLanguageChars = 35;

inline constexpr std::size_t kHeadlineChars = 200;
inline constexpr std::size_t kDekChars = 400;
inline constexpr std::size_t kBylineChars = 200;
inline constexpr std::size_t kCreditChars = 200;
inline constexpr std::size_t kDatelineChars = 100;
inline constexpr std::size_t kParagraphChars = 12000;  // room for a pasted URL or a hostile unbroken word
inline constexpr std::size_t kParagraphs = 200;

inline constexpr std::size_t kPeople = 100;
inline constexpr std::size_t kSources = 20;
inline constexpr std::size_t kNameChars = 100;
inline constexpr std::size_t kRoleChars = 200;
inline constexpr std::size_t kAffiliationChars = 100;
inline constexpr std::size_t kDescriptionChars = 200;

inline constexpr std::size_t kQuotes = 300;
inline constexpr std::size_t kQuoteParts = 8;
inline constexpr std::size_t kQuoteChars = 4000;

inline constexpr std::size_t kPlaces = 100;
inline constexpr std::size_t kPlaceNameChars = 100;
inline constexpr std::size_t kPlaceDetailChars = 200;
inline constexpr std::size_t kPlaceNoteChars = 400;

inline constexpr double kMinSpanKm = 10;  // the map's finest data (Natural Earth 1:50m) holds no less
// The map reaches 120 degrees from its centre at most, and its data extends a
// quarter span beyond the view on each side, so a square view's corner sits
// at 0.75 * span * sqrt(2) <= 2 R sin(60 deg): span <= 10,403 km.
inline constexpr double kMaxSpanKm = 10400;

inline constexpr std::size_t kSchemaChars = 1000;

// Errors printed per run; the count is always reported in full.
inline constexpr std::size_t kPrintedErrors = 100;

}  // namespace dateline::limits
