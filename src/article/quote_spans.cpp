#include "article/quote_spans.h"

#include <algorithm>
#include <cstdio>

namespace dateline {
namespace {

// [SECTION] UTF-8 ---------------------------------------------------------

// Decodes the code point starting at s[i] and returns its length. Malformed
// bytes decode as themselves with length 1, so bad input degrades instead of
// looping or reading past the end.
std::uint32_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char lead = byte(0);
    std::uint32_t length = lead < 0x80           ? 1
                           : (lead >> 5) == 0x6  ? 2
                           : (lead >> 4) == 0xE  ? 3
                           : (lead >> 3) == 0x1E ? 4
                                                 : 1;
    if (i + length > s.size()) length = 1;
    for (std::uint32_t k = 1; k < length; ++k) {
        if ((byte(k) & 0xC0) != 0x80) length = 1;
    }
    if (length == 1) {
        cp = lead;
        return 1;
    }
    cp = lead & (0x7F >> length);
    for (std::uint32_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
    return length;
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// 1-based character number of byte `offset`, as an author counts.
std::size_t character_number(std::string_view s, std::size_t offset) {
    std::size_t n = 1;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) n += is_continuation(s[i]) ? 0 : 1;
    return n;
}

// The character at `offset` as it would be written in a JSON string.
std::string show_character(std::string_view s, std::size_t offset) {
    char32_t cp = 0;
    const std::uint32_t length = decode(s, offset, cp);
    if (cp == '"') return "\"\\\"\"";
    if (cp == '\\') return "\"\\\\\"";
    if (cp < 0x20 || cp == 0x7F || (length == 1 && cp >= 0x80)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "\"\\u%04X\"", static_cast<unsigned>(cp));
        return buf;
    }
    return "\"" + std::string(s.substr(offset, length)) + "\"";
}

// The words around `offset`, a few on each side, cut at spaces, as a quoted
// string with "…" where it is cut: enough for an author to find the spot.
std::string excerpt(std::string_view s, std::size_t offset) {
    constexpr std::size_t kReach = 24;  // bytes on each side before looking for a space
    std::size_t begin = offset > kReach ? offset - kReach : 0;
    while (begin > 0 && s[begin - 1] != ' ') --begin;
    std::size_t end = std::min(s.size(), offset + kReach);
    while (end < s.size() && s[end] != ' ') ++end;
    std::string out = "\"";
    if (begin > 0) out += "…";
    for (std::size_t i = begin; i < end;) {
        char32_t cp = 0;
        const std::uint32_t length = decode(s, i, cp);
        if (cp == '"' || cp == '\\') out += '\\';
        if (cp < 0x20 || cp == 0x7F || (length == 1 && cp >= 0x80)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(s.substr(i, length));
        }
        i += length;
    }
    if (end < s.size()) out += "…";
    return out + "\"";
}

// Letters and digits of scripts that separate words with spaces. Punctuation,
// symbols and CJK (where words are not separated) never join a match to its
// neighbour.
bool is_word_character(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if (cp >= 0x2E00 && cp <= 0x9FFF) return false;
    if (cp >= 0xF900 && cp <= 0xFAFF) return false;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if (cp >= 0xFF00 && cp <= 0xFFEF) return false;
    return cp < 0x1F000;
}

bool is_word_boundary(std::string_view s, std::size_t offset) {
    if (offset == 0 || offset >= s.size()) return true;
    std::size_t before = offset - 1;
    while (before > 0 && offset - before < 4 && is_continuation(s[before])) --before;
    char32_t left = 0, right = 0;
    decode(s, before, left);
    decode(s, offset, right);
    return !(is_word_character(left) && is_word_character(right));
}

// [SECTION] Normalization -------------------------------------------------

// Text with quotes, apostrophes and space runs folded, and for every byte of
// it the offset of the original byte it came from.
struct Normalized {
    std::string text;
    std::vector<std::uint32_t> origin;  // origin[text.size()] is the original size
};

char folded(char32_t cp) {
    switch (cp) {
        case U'\u2018':
        case U'\u2019':
        case U'\'':
            return '\'';
        case U'\u201C':
        case U'\u201D':
        case U'"':
            return '"';
        case U' ':
        case U'\u00A0':
        case U'\u202F':
            return ' ';
        default:
            return 0;
    }
}

Normalized normalize(std::string_view s) {
    Normalized n;
    n.text.reserve(s.size());
    n.origin.reserve(s.size() + 1);
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::uint32_t length = decode(s, i, cp);
        const char fold = folded(cp);
        if (fold == ' ' && !n.text.empty() && n.text.back() == ' ') {
            // A run of spaces keeps its first; a match never ends on a space,
            // so the origin of the next byte stays the end of the last match byte.
        } else if (fold) {
            n.text += fold;
            n.origin.push_back(static_cast<std::uint32_t>(i));
        } else {
            for (std::uint32_t k = 0; k < length; ++k) {
                n.text += s[i + k];
                n.origin.push_back(static_cast<std::uint32_t>(i + k));
            }
        }
        i += length;
    }
    n.origin.push_back(static_cast<std::uint32_t>(s.size()));
    return n;
}

void trim_spaces(Normalized& n) {
    std::size_t end = n.text.size();
    while (end > 0 && n.text[end - 1] == ' ') --end;
    std::size_t begin = 0;
    while (begin < end && n.text[begin] == ' ') ++begin;
    n.text = n.text.substr(begin, end - begin);
    n.origin.erase(n.origin.begin() + static_cast<std::ptrdiff_t>(end) + 1, n.origin.end());
    n.origin.erase(n.origin.begin(), n.origin.begin() + static_cast<std::ptrdiff_t>(begin));
}

// z[i]: the length of the longest common prefix of s and s[i..].
std::vector<std::uint32_t> z_function(std::string_view s) {
    std::vector<std::uint32_t> z(s.size(), 0);
    std::size_t left = 0, right = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        std::size_t length = i < right ? std::min<std::size_t>(right - i, z[i - left]) : 0;
        while (i + length < s.size() && s[length] == s[i + length]) ++length;
        z[i] = static_cast<std::uint32_t>(length);
        if (i + length > right) {
            left = i;
            right = i + length;
        }
    }
    if (!s.empty()) z[0] = static_cast<std::uint32_t>(s.size());
    return z;
}

// [SECTION] Sentences -----------------------------------------------------

struct Sentence {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

bool is_terminal(char c) {
    return c == '.' || c == '!' || c == '?';
}

// Length of the space (ASCII, no-break or narrow no-break) at s[i], or 0.
std::size_t space_length(std::string_view s, std::size_t i) {
    if (s[i] == ' ') return 1;
    if (s.compare(i, 2, "\u00A0") == 0) return 2;
    if (s.compare(i, 3, "\u202F") == 0) return 3;
    return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        const std::size_t length = space_length(s, i);
        if (!length) break;
        i += length;
    }
    return i;
}

// Length of the closing quotation mark or bracket at s[i], or 0; `is_double`
// tells a closing double quotation mark (which ends a quoted statement).
std::size_t closer_length(std::string_view s, std::size_t i, bool& is_double) {
    is_double = false;
    if (s[i] == '"' || s.compare(i, 3, "\u201D") == 0 || s.compare(i, 2, "\u00BB") == 0) {
        is_double = true;
        return s[i] == '"' ? 1 : s[i] == '\xC2' ? 2 : 3;
    }
    if (s[i] == '\'' || s[i] == ')' || s[i] == ']') return 1;
    if (s.compare(i, 3, "\u2019") == 0) return 3;
    return 0;
}

bool ends_with_double_closer(std::string_view s, std::size_t end) {
    const std::string_view before = s.substr(0, end);
    auto ends = [&](std::string_view tail) {
        return before.size() >= tail.size() &&
               before.compare(before.size() - tail.size(), tail.size(), tail) == 0;
    };
    return ends("\"") || ends("\u201D") || ends("\u00BB");
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A period after an initial ("U.S.", "J. Smith") or a title ("Dr. Smith").
bool ends_abbreviation(std::string_view s, std::size_t period) {
    std::size_t begin = period;
    while (begin > 0 && is_ascii_letter(s[begin - 1])) --begin;
    const std::string_view word = s.substr(begin, period - begin);
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
    static constexpr std::string_view kTitles[] = {"Mr",  "Mrs", "Ms",  "Dr",  "Prof", "St",
                                                   "Gen", "Lt",  "Col", "Sgt", "Capt", "Sen",
                                                   "Rep", "Gov", "Mt",  "Ft",  "vs"};
    return std::find(std::begin(kTitles), std::end(kTitles), word) != std::end(kTitles);
}

// After a quoted sentence, a short sentence naming who spoke belongs to it:
// in “…peace.” Putin said. the context must keep "Putin said."
bool is_attribution(std::string_view s, std::size_t begin) {
    std::size_t end = begin;
    int words = 1;
    while (end < s.size() && !is_terminal(s[end])) {
        if (s[end] == ' ') ++words;
        if (s[end] == '"' || s.compare(end, 3, "\u201C") == 0 || s.compare(end, 3, "\u201D") == 0)
            return false;
        ++end;
    }
    if (words > 6) return false;
    static constexpr std::string_view kSpeechVerbs[] = {
        "said",  "says",     "added",     "asked",  "told",     "replied", "responded",
        "wrote", "insisted", "explained", "stated", "declared", "noted",   "continued"};
    for (std::size_t i = begin; i < end;) {
        std::size_t j = i;
        while (j < end && is_ascii_letter(s[j])) ++j;
        const std::string_view word = s.substr(i, j - i);
        if (std::find(std::begin(kSpeechVerbs), std::end(kSpeechVerbs), word) != std::end(kSpeechVerbs))
            return true;
        i = j + 1;
    }
    return false;
}

std::vector<Sentence> split_sentences(std::string_view s) {
    std::vector<Sentence> sentences;
    std::size_t begin = skip_spaces(s, 0);
    for (std::size_t i = begin; i < s.size(); ++i) {
        if (!is_terminal(s[i])) continue;
        std::size_t end = i + 1;
        while (end < s.size() && is_terminal(s[end])) ++end;
        bool bare_period = s[end - 1] == '.';  // no closer follows it
        bool quoted = ends_with_double_closer(s, i);
        bool is_double = false;
        while (end < s.size()) {
            const std::size_t length = closer_length(s, end, is_double);
            if (!length) break;
            quoted = quoted || is_double;
            end += length;
            bare_period = false;
        }
        if (end >= s.size()) break;
        i = end - 1;
        if (!space_length(s, end)) continue;
        const std::size_t next = skip_spaces(s, end);
        if (next >= s.size()) break;
        if (s[next] >= 'a' && s[next] <= 'z') continue;
        if (bare_period && ends_abbreviation(s, end - 1)) continue;
        if (quoted && is_attribution(s, next)) continue;
        sentences.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
        begin = next;
        i = next - 1;
    }
    std::size_t end = s.size();
    while (end > begin && s[end - 1] == ' ') --end;
    if (begin < end)
        sentences.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    return sentences;
}

// [SECTION] Searching -----------------------------------------------------

struct Occurrence {
    std::uint16_t paragraph = 0;
    std::size_t at = 0;  // normalized byte offset
};

struct Search {
    std::size_t count = 0;          // whole-word occurrences
    std::vector<Occurrence> found;  // the first few, for messages
    bool inside_word = false;       // a full occurrence inside a longer word
    Occurrence inside;
    std::size_t closest_length = 0;  // longest common prefix at a word start
    Occurrence closest;
};

constexpr std::size_t kListedPlaces = 5;

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

struct QuoteFinder::Body {
    Span<std::string_view> paragraphs;
    std::vector<Normalized> normalized;

    std::size_t character(const Occurrence& p) const {
        return character_number(paragraphs[p.paragraph], normalized[p.paragraph].origin[p.at]);
    }
    std::string where(const Occurrence& p) const {
        return "paragraph " + std::to_string(p.paragraph + 1) + " at character " +
               std::to_string(character(p));
    }

    Search search(const Normalized& needle) const;
    bool find(std::string_view part, TextRange& range, std::string& error) const;
};

QuoteFinder::QuoteFinder(Span<std::string_view> paragraphs) {
    auto body = std::make_unique<Body>();
    body->paragraphs = paragraphs;
    // TextRange::paragraph is 16 bits; the compiler allows far fewer paragraphs.
    const std::size_t count = std::min<std::size_t>(paragraphs.size, 0xFFFF);
    body->normalized.reserve(count);
    for (std::size_t p = 0; p < count; ++p) body->normalized.push_back(normalize(paragraphs[p]));
    body_ = std::move(body);
}

QuoteFinder::~QuoteFinder() = default;

Search QuoteFinder::Body::search(const Normalized& needle) const {
    Search result;
    const std::size_t n = needle.text.size();
    std::string joined;
    for (std::size_t p = 0; p < normalized.size(); ++p) {
        const std::string& text = normalized[p].text;
        joined.assign(needle.text).append(text);
        const std::vector<std::uint32_t> z = z_function(joined);
        for (std::size_t at = 0; at < text.size(); ++at) {
            const std::size_t common = std::min<std::size_t>(z[n + at], n);
            const Occurrence place{static_cast<std::uint16_t>(p), at};
            const bool starts_word = !is_continuation(text[at]) && is_word_boundary(text, at);
            if (common == n) {
                if (starts_word && is_word_boundary(text, at + n)) {
                    if (result.count++ < kListedPlaces) result.found.push_back(place);
                } else if (!result.inside_word) {
                    result.inside_word = true;
                    result.inside = place;
                }
            } else if (common > result.closest_length && starts_word) {
                result.closest_length = common;
                result.closest = place;
            }
        }
    }
    return result;
}

bool QuoteFinder::Body::find(std::string_view part, TextRange& range, std::string& error) const {
    Normalized needle = normalize(part);
    trim_spaces(needle);
    if (needle.text.empty()) {
        error = "text is empty; give the quoted words";
        return false;
    }
    const Search s = search(needle);
    if (s.count == 1) {
        const Normalized& p = normalized[s.found[0].paragraph];
        range = {s.found[0].paragraph, p.origin[s.found[0].at], p.origin[s.found[0].at + needle.text.size()]};
        return true;
    }
    if (s.count > 1) {
        error = "text is ambiguous: it appears " + plural(s.count, "time", "times") + ", in ";
        for (std::size_t i = 0; i < s.found.size(); ++i) {
            if (i > 0) error += i + 1 == s.found.size() && s.count == s.found.size() ? " and " : ", ";
            error += where(s.found[i]);
        }
        if (s.count > s.found.size()) error += " and " + std::to_string(s.count - s.found.size()) + " more";
        error += "; add more of the surrounding words so it matches one place only";
        return false;
    }
    if (s.inside_word) {
        error = "text not found as whole words: it appears only inside longer words, first in " +
                where(s.inside) + "; quote whole words";
        return false;
    }
    error = "text not found in any paragraph";
    if (s.closest_length > 0) {
        const Occurrence& c = s.closest;
        const Normalized& p = normalized[c.paragraph];
        const std::size_t differs = needle.origin[s.closest_length];
        const std::size_t in_paragraph = c.at + s.closest_length;
        // Both sides named, with the words around the first difference.
        const bool at_end = in_paragraph >= p.text.size();
        const std::size_t there = at_end ? paragraphs[c.paragraph].size() : p.origin[in_paragraph];
        error +=
            "; the closest match, in " + where(c) + ", differs from character " +
            std::to_string(character_number(part, differs)) + " of the quote on: the quote has " +
            show_character(part, differs) + " in " + excerpt(part, differs) + " where the paragraph " +
            (at_end ? std::string("ends: ") : "has " + show_character(paragraphs[c.paragraph], there) + " in ") +
            excerpt(paragraphs[c.paragraph], there);
    }
    error += "; copy the words exactly as the paragraph has them";
    return false;
}

QuoteSpans QuoteFinder::resolve(const std::vector<std::string_view>& parts) const {
    QuoteSpans out;
    if (parts.empty()) {
        out.errors.push_back({0, "the quote has no words; give its text"});
        return out;
    }
    const bool split = parts.size() > 1;
    std::vector<TextRange> ranges(parts.size());
    for (std::size_t k = 0; k < parts.size(); ++k) {
        std::string error;
        if (!body_->find(parts[k], ranges[k], error)) {
            out.errors.push_back({k, split ? "part " + std::to_string(k + 1) + ": " + error : error});
        }
    }
    if (!out.ok()) return out;
    for (std::size_t k = 1; k < parts.size(); ++k) {
        const TextRange& a = ranges[k - 1];
        const TextRange& b = ranges[k];
        const bool follows =
            (b.paragraph == a.paragraph && b.begin >= a.end) || b.paragraph == a.paragraph + 1;
        if (!follows) {
            const auto at = [&](const TextRange& r) {
                return "paragraph " + std::to_string(r.paragraph + 1) + " at character " +
                       std::to_string(character_number(body_->paragraphs[r.paragraph], r.begin));
            };
            out.errors.push_back({k,
                                  "parts must follow each other in reading order, each in the same paragraph "
                                  "as the one before "
                                  "or the next, but part " +
                                      std::to_string(k) + " is in " + at(a) + " and part " +
                                      std::to_string(k + 1) + " in " + at(b) +
                                      "; reorder the parts, or make them separate quotes"});
        }
    }
    if (!out.ok()) return out;
    const TextRange& first = ranges.front();
    const TextRange& last = ranges.back();
    const std::string_view paragraph = body_->paragraphs[first.paragraph];
    const std::uint32_t end =
        last.paragraph == first.paragraph ? last.end : static_cast<std::uint32_t>(paragraph.size());
    out.context = sentence_context(paragraph, first.paragraph, first.begin, end);
    out.parts = std::move(ranges);
    return out;
}

QuoteSpans resolve_quote_spans(Span<std::string_view> paragraphs,
                               const std::vector<std::string_view>& parts) {
    return QuoteFinder(paragraphs).resolve(parts);
}

TextRange sentence_context(std::string_view paragraph, std::uint16_t paragraph_index, std::uint32_t begin,
                           std::uint32_t end) {
    TextRange context{paragraph_index, 0, static_cast<std::uint32_t>(paragraph.size())};
    const std::vector<Sentence> sentences = split_sentences(paragraph);
    for (const Sentence& s : sentences) {
        if (s.begin <= begin) context.begin = s.begin;
    }
    for (const Sentence& s : sentences) {
        if (s.end >= end) {
            context.end = s.end;
            break;
        }
    }
    return context;
}

}  // namespace dateline
