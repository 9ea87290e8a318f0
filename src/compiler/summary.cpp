#include "compiler/summary.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "compiler/utf8.h"

namespace dateline {
namespace {

std::string coordinates(float lat, float lon) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f, %.4f", static_cast<double>(lat), static_cast<double>(lon));
    return buf;
}

// "8:2-177": paragraph, then first and last character, 1-based and inclusive.
std::string position(const Article& a, const TextRange& r) {
    const std::string_view p = a.paragraphs[r.paragraph];
    return std::to_string(r.paragraph + 1) + ":" +
           std::to_string(utf8::count_chars(p.substr(0, r.begin)) + 1) + "-" +
           std::to_string(utf8::count_chars(p.substr(0, r.end)));
}

std::string times(std::uint16_t n) {
    return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
}

std::string padded(std::string_view s, std::size_t width) {
    std::string out(s);
    const std::size_t chars = utf8::count_chars(s);
    if (chars < width) out.append(width - chars, ' ');
    return out;
}

}  // namespace

void print_summary(std::ostream& out, const Article& a) {
    out << a.slug << ": " << a.headline << "\n";
    out << "  " << a.paragraphs.size << (a.paragraphs.size == 1 ? " paragraph\n" : " paragraphs\n");

    std::size_t quoted = 0, mentioned = 0, unnamed = 0;
    for (const Person& p : a.people) {
        if (p.kind == PersonKind::UnnamedSource)
            ++unnamed;
        else if (p.quoted())
            ++quoted;
        else
            ++mentioned;
    }
    out << "  " << a.people.size << " people: " << quoted << " quoted, " << mentioned << " mentioned, "
        << unnamed << (unnamed == 1 ? " unnamed source\n" : " unnamed sources\n");
    std::size_t person_width = 0;
    for (const Person& p : a.people) person_width = std::max(person_width, utf8::count_chars(p.id) + 2);
    for (const Person& p : a.people) {
        out << "    " << padded(p.id, person_width) << p.name;
        if (p.kind == PersonKind::UnnamedSource) out << " (unnamed source)";
        if (!p.role.empty()) out << ", " << p.role;
        if (!p.affiliation.empty()) out << ", " << p.affiliation;
        out << ": " << (p.quoted() ? "quoted " + times(p.quote_count) : std::string("mentioned, not quoted"))
            << "\n";
    }

    out << "  " << a.quotes.size << (a.quotes.size == 1 ? " quote" : " quotes")
        << " (at paragraph:first-last character)\n";
    std::size_t id_width = 0, name_width = 0;
    for (const Quote& q : a.quotes) {
        id_width = std::max(id_width, utf8::count_chars(q.id) + 2);
        name_width = std::max(name_width, utf8::count_chars(a.people[q.speaker].name) + 2);
    }
    for (const Quote& q : a.quotes) {
        out << "    " << padded(q.id, id_width) << padded(a.people[q.speaker].name, name_width)
            << (q.form == QuoteForm::Full ? "full    " : "fragment");
        for (std::size_t k = 0; k < q.parts.size; ++k)
            out << (k ? " + " : " ") << position(a, q.parts[k].range);
        if (q.place != kNone) out << " @" << a.places[static_cast<std::size_t>(q.place)].id;
        out << "  " << utf8::quoted(q.parts[0].text, 40) << "\n";
    }

    out << "  " << a.places.size << (a.places.size == 1 ? " place\n" : " places\n");
    std::size_t place_width = 0;
    for (const Place& p : a.places) place_width = std::max(place_width, utf8::count_chars(p.id) + 2);
    for (std::size_t i = 0; i < a.places.size; ++i) {
        const Place& p = a.places[i];
        out << "    " << padded(p.id, place_width) << p.name << " (" << coordinates(p.lat, p.lon) << ")";
        if (static_cast<std::int16_t>(i) == a.map.primary) out << ", primary";
        for (std::uint16_t pin : a.map.pinned) {
            if (pin == i) out << ", pinned";
        }
        out << "\n";
    }
    if (a.map.span_km > 0) {
        char span[32];
        std::snprintf(span, sizeof span, "%.0f", static_cast<double>(a.map.span_km));
        out << "  map: centre " << coordinates(a.map.center_lat, a.map.center_lon) << ", " << span
            << " km across\n";
    }
}

}  // namespace dateline
