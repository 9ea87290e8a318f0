#include "compiler/emit_html.h"

#include <algorithm>
#include <vector>

namespace dateline {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

struct QuoteMark {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string_view quote;  // the quote's id
};

// The paragraph with every quote part wrapped in a span that the DOM mirror's
// script turns into a button. The compiler guarantees parts never overlap;
// the clamping below only keeps hand-made Articles from producing bad markup.
std::string paragraph_html(std::string_view text, std::vector<QuoteMark> marks) {
    std::sort(marks.begin(), marks.end(),
              [](const QuoteMark& a, const QuoteMark& b) { return a.begin < b.begin; });
    std::string out = "<p>";
    std::size_t at = 0;
    for (const QuoteMark& m : marks) {
        const std::size_t begin = std::max<std::size_t>(m.begin, at);
        const std::size_t end = std::min<std::size_t>(m.end, text.size());
        if (end <= begin) continue;
        out += escape_html(text.substr(at, begin - at));
        out += "<span class=\"dateline-quote\" data-quote=\"" + escape_html(m.quote) + "\">" +
               escape_html(text.substr(begin, end - begin)) + "</span>";
        at = end;
    }
    return out + escape_html(text.substr(at)) + "</p>\n";
}

std::string times(std::uint16_t n) {
    return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
}

std::string people_html(const Article& a) {
    std::string o = "<section class=\"dateline-people\">\n<h2>People in this article</h2>\n<ul>\n";
    for (const Person& p : a.people) {
        o += "<li data-speaker=\"" + escape_html(p.id) + "\"><strong>" + escape_html(p.name) + "</strong>";
        if (p.kind == PersonKind::UnnamedSource) o += " (unnamed source)";
        for (std::string_view s : {p.role, p.affiliation}) {
            if (!s.empty()) o += ", " + escape_html(s);
        }
        o += p.quoted() ? " · quoted " + times(p.quote_count) : std::string(" · mentioned, not quoted");
        o += "</li>\n";
    }
    return o + "</ul>\n</section>\n";
}

std::string places_html(const Article& a) {
    std::string o = "<section class=\"dateline-places\">\n<h2>Places</h2>\n<ul>\n";
    for (const Place& p : a.places) {
        o += "<li data-place=\"" + escape_html(p.id) + "\"><strong>" + escape_html(p.name) + "</strong>";
        if (!p.detail.empty()) o += ", " + escape_html(p.detail);
        if (!p.date.empty()) {
            o += " · <time datetime=\"" + escape_html(p.date) + "\">" + escape_html(p.date) + "</time>";
        }
        if (!p.note.empty()) o += ". " + escape_html(p.note);
        o += "</li>\n";
    }
    return o + "</ul>\n</section>\n";
}

}  // namespace

std::string emit_article_html(const Article& a) {
    std::string o = "<article class=\"dateline-article\" lang=\"" + escape_html(a.language) + "\">\n";
    o += "<h1>" + escape_html(a.headline) + "</h1>\n";
    if (!a.dek.empty()) o += "<p class=\"dateline-dek\">" + escape_html(a.dek) + "</p>\n";
    if (!a.byline.empty() || !a.dateline.empty() || !a.published.empty()) {
        o += "<p class=\"dateline-byline\">";
        std::string separator;
        for (std::string_view s : {a.byline, a.dateline}) {
            if (s.empty()) continue;
            o += separator + escape_html(s);
            separator = " · ";
        }
        if (!a.published.empty()) {
            o += separator + "<time datetime=\"" + escape_html(a.published) + "\">" +
                 escape_html(a.published) + "</time>";
        }
        o += "</p>\n";
    }
    std::vector<std::vector<QuoteMark>> marks(a.paragraphs.size);
    for (const Quote& q : a.quotes) {
        for (const QuotePart& part : q.parts) {
            if (part.range.paragraph < marks.size()) {
                marks[part.range.paragraph].push_back({part.range.begin, part.range.end, q.id});
            }
        }
    }
    for (std::size_t i = 0; i < a.paragraphs.size; ++i) o += paragraph_html(a.paragraphs[i], marks[i]);
    if (!a.credit.empty()) o += "<p class=\"dateline-credit\">" + escape_html(a.credit) + "</p>\n";
    if (!a.people.empty()) o += people_html(a);
    if (!a.places.empty()) o += places_html(a);
    o += "</article>\n";
    return o;
}

std::string emit_page(std::string_view page_template, const Article& a) {
    const std::pair<std::string_view, std::string> fills[] = {
        {"{{LANG}}", escape_html(a.language)},
        {"{{TITLE}}", escape_html(a.headline)},
        {"{{DESCRIPTION}}", escape_html(a.dek)},
        {"{{ARTICLE}}", emit_article_html(a)},
    };
    std::string out;
    std::size_t i = 0;
    while (i < page_template.size()) {
        bool filled = false;
        for (const auto& [key, value] : fills) {
            if (page_template.compare(i, key.size(), key) == 0) {
                out += value;
                i += key.size();
                filled = true;
                break;
            }
        }
        if (!filled) out += page_template[i++];
    }
    return out;
}

}  // namespace dateline
