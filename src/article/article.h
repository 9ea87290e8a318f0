// The article model shared by the compiler and the widget.
//
// Every type here is a plain aggregate of views (std::string_view, Span), so
// the compiler can emit an article as constant-initialized C++ data: the wasm
// module holds the article in its data segment and never parses JSON. The
// compiler fills the same types from its own string storage (ArticleStore).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dateline {

// A read-only view of a contiguous array (C++17 has no std::span).
template <class T>
struct Span {
    const T* data = nullptr;
    std::uint32_t size = 0;

    constexpr const T* begin() const { return data; }
    constexpr const T* end() const { return data + size; }
    constexpr const T& operator[](std::size_t i) const { return data[i]; }
    constexpr bool empty() const { return size == 0; }
};

inline constexpr std::int16_t kNone = -1;

// A range of UTF-8 bytes inside one body paragraph.
struct TextRange {
    std::uint16_t paragraph = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

enum class PersonKind : std::uint8_t {
    Named,          // a named person
    UnnamedSource,  // "observers", "analysts": a group the article does not name
};

struct Person {
    std::string_view id;
    std::string_view name;         // for unnamed sources, the label ("Observers")
    std::string_view role;         // "President of the United States"; a source's description
    std::string_view affiliation;  // "White House", "Al Jazeera"
    std::string_view country;      // ISO 3166-1 alpha-2, may be empty
    PersonKind kind = PersonKind::Named;
    std::uint16_t quote_count = 0;  // 0: mentioned, never quoted

    constexpr bool quoted() const { return quote_count > 0; }
};

enum class QuoteForm : std::uint8_t {
    Full,      // a whole quoted statement
    Fragment,  // a few words quoted inside a paraphrase
};

// One contiguous run of quoted words as it appears in the body.
struct QuotePart {
    std::string_view text;  // the exact quoted words, without quotation marks
    TextRange range;        // where they are, resolved by the compiler
};

struct Quote {
    std::string_view id;
    std::uint16_t speaker = 0;  // index into Article::people
    QuoteForm form = QuoteForm::Full;
    std::int16_t place = kNone;  // index into Article::places, or kNone
    Span<QuotePart> parts;       // more than one when attribution splits a statement
    TextRange context;           // the sentence(s) around the quote
};

struct Place {
    std::string_view id;
    std::string_view name;    // "Anchorage"
    std::string_view detail;  // "Joint Base Elmendorf–Richardson, Alaska"
    std::string_view note;    // "Venue of the summit"
    std::string_view date;    // ISO 8601 date, may be empty
    float lat = 0;
    float lon = 0;
};

struct MapSpec {
    std::int16_t primary = kNone;  // index into Article::places
    float center_lat = 0;
    float center_lon = 0;
    float span_km = 0;  // width of the initial view
    Span<std::uint16_t> pinned;
};

// Accent colours as 0xRRGGBB; 0 means "use the theme's default".
struct ThemeAccents {
    std::uint32_t light = 0;
    std::uint32_t dark = 0;
};

struct Article {
    std::string_view slug;
    std::string_view language;  // BCP 47
    std::string_view headline;
    std::string_view dek;
    std::string_view byline;
    std::string_view credit;
    std::string_view dateline;   // "ANCHORAGE, Alaska"
    std::string_view published;  // ISO 8601 date
    Span<std::string_view> paragraphs;
    Span<Person> people;
    Span<Quote> quotes;
    Span<Place> places;
    MapSpec map;
    ThemeAccents accents;
    Span<std::uint8_t> map_data;  // packed map (see map_pack.h), may be empty
};

}  // namespace dateline
