#include "compiler/charset.h"

#include <set>

namespace dateline {
namespace {

void add_utf8(std::set<std::string>& chars, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + n > s.size()) n = s.size() - i;
        chars.insert(std::string(s.substr(i, n)));
        i += n;
    }
}

}  // namespace

std::string article_charset(const Article& a) {
    std::set<std::string> chars;
    // Printable ASCII is always present: UI strings, numbers, dates and
    // anything the widget formats at run time draw from it.
    for (char c = 0x20; c < 0x7F; ++c) chars.insert(std::string(1, c));
    add_utf8(chars, "–—‘’“”…·×−←→↑↓");
    for (auto s : {a.slug, a.headline, a.dek, a.byline, a.credit, a.dateline, a.published})
        add_utf8(chars, s);
    for (auto p : a.paragraphs) add_utf8(chars, p);
    for (const auto& p : a.people) {
        for (auto s : {p.name, p.role, p.affiliation, p.country}) add_utf8(chars, s);
    }
    for (const auto& q : a.quotes) {
        for (const auto& part : q.parts) add_utf8(chars, part.text);
    }
    for (const auto& p : a.places) {
        for (auto s : {p.name, p.detail, p.note, p.date}) add_utf8(chars, s);
    }
    std::string out;
    for (const auto& c : chars) out += c;
    return out;
}

}  // namespace dateline
