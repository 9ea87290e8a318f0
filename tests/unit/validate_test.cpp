// The article format's rules, checked through load_article() on small
// in-memory articles (the malformed fixtures check the tool's exact output).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "compiler/formats.h"
#include "compiler/load_article.h"
#include "compiler/output_dir.h"

namespace dateline {
namespace {

// A valid article; tests replace one piece of it.
std::string article(const std::string& extra = "", const std::string& body = "") {
    return R"({
  "slug": "t",
  "language": "en",
  "headline": "H",
  "published": "2025-01-02",
  "body": [)" +
           (body.empty() ? R"("“We agreed,” Ada said.", "Observers called it a “diplomatic win”.")" : body) +
           R"(],
  "people": [{"id": "ada", "name": "Ada"}, {"id": "ben", "name": "Ben", "role": "Writer"}],
  "sources": [{"id": "observers", "label": "Observers", "description": "People watching"}],
  "quotes": [
    {"id": "q1", "speaker": "ada", "text": "We agreed", "form": "full", "place": "oslo"},
    {"id": "q2", "speaker": "observers", "text": "diplomatic win", "form": "fragment"}
  ],
  "places": [{"id": "bergen", "name": "Bergen", "lat": 60.39, "lon": 5.32},
             {"id": "oslo", "name": "Oslo", "lat": 59.91, "lon": 10.75}],
  "map": {"primary": "bergen", "center": [60, 7], "span_km": 500})" +
           extra + "\n}\n";
}

// `text` with its first `from` replaced by `to`.
std::string with(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

struct Loaded {
    bool ok = false;
    ArticleStore store;
    Diagnostics diagnostics;

    std::string errors() const {
        std::string out;
        for (const Diagnostic& d : diagnostics.items) out += d.format() + "\n";
        return out;
    }
};

std::unique_ptr<Loaded> load(const std::string& text) {
    auto loaded = std::make_unique<Loaded>();
    loaded->ok = load_article("a.json", text, loaded->store, loaded->diagnostics);
    return loaded;
}

TEST(validate, a_valid_article_fills_the_model) {
    const auto r = load(article());
    ASSERT_TRUE(r->ok) << r->errors();
    const Article& a = r->store.article;
    EXPECT_EQ(a.slug, "t");
    ASSERT_EQ(a.people.size, 3u);
    EXPECT_EQ(a.people[0].quote_count, 1);
    EXPECT_FALSE(a.people[1].quoted());  // Ben is only mentioned
    EXPECT_EQ(a.people[2].kind, PersonKind::UnnamedSource);
    EXPECT_EQ(a.people[2].name, "Observers");
    EXPECT_EQ(a.people[2].role, "People watching");
    ASSERT_EQ(a.quotes.size, 2u);
    EXPECT_EQ(a.quotes[0].place, 1);
    EXPECT_EQ(a.quotes[1].speaker, 2);
    EXPECT_EQ(a.quotes[1].form, QuoteForm::Fragment);
    const TextRange win = a.quotes[1].parts[0].range;
    EXPECT_EQ(a.paragraphs[win.paragraph].substr(win.begin, win.end - win.begin), "diplomatic win");
    EXPECT_EQ(a.map.primary, 0);
    ASSERT_EQ(a.map.pinned.size, 1u);  // pins default to the primary place
    EXPECT_EQ(a.map.pinned[0], 0);
    EXPECT_FLOAT_EQ(a.map.span_km, 500);
}

TEST(validate, collects_every_error_in_one_run_in_file_order) {
    const auto r = load(with(with(article(R"(, "theme": {"light": "red"}, "extra": 1)"), R"("Ada"})", "5}"),
                             "60.39", "95.0"));
    EXPECT_FALSE(r->ok);
    EXPECT_EQ(
        r->errors(),
        "a.json:7:36: error: at /people/0/name: expected a string (the person's name), found a number (5); "
        "e.g. \"name\": \"Vladimir Putin\"\n"
        "a.json:13:56: error: at /places/0/lat: 95.0 is out of range for the latitude (-90 to 90), and the "
        "longitude 5.32 would be a latitude; did you swap them? write \"lat\": 5.32, \"lon\": 95.0\n"
        "a.json:15:87: error: at /theme/light: \"red\" is not a colour in the form \"#rrggbb\"; e.g. "
        "\"light\": \"#c8102e\"\n"
        "a.json:15:95: error: at /extra: unknown field \"extra\" in the article; remove it, or use one of: "
        "$schema, slug, language, headline, dek, byline, credit, dateline, published, body, people, sources, "
        "quotes, places, map, theme\n");
}

TEST(validate, unknown_fields_suggest_near_misses_and_point_at_the_key) {
    const auto r = load(article(R"(, "them": {})"));
    ASSERT_EQ(r->diagnostics.items.size(), 1u) << r->errors();
    const Diagnostic& d = r->diagnostics.items[0];
    EXPECT_EQ(d.pointer, "/them");
    EXPECT_EQ(d.line, 15);
    EXPECT_EQ(d.column, 68);
    EXPECT_EQ(d.message, "unknown field \"them\" in the article; did you mean \"theme\"?");
}

TEST(validate, missing_fields_point_at_the_object) {
    const auto r = load(with(article(), R"(, "name": "Ada")", ""));
    ASSERT_EQ(r->diagnostics.items.size(), 1u) << r->errors();
    EXPECT_EQ(r->diagnostics.items[0].pointer, "/people/0");
    EXPECT_EQ(r->diagnostics.items[0].column, 14);
}

TEST(validate, people_and_sources_share_one_id_namespace) {
    const auto r = load(with(article(), R"("id": "observers")", R"("id": "ada")"));
    EXPECT_NE(r->errors().find("at /sources/0/id: duplicate id \"ada\": /people/0/id has it already"),
              std::string::npos)
        << r->errors();
}

TEST(validate, references_must_exist) {
    const auto r = load(with(with(article(), R"("speaker": "ada")", R"("speaker": "adda")"),
                             R"("primary": "bergen")", R"("primary": "paris")"));
    EXPECT_NE(
        r->errors().find("unknown speaker \"adda\": no person or source has this id; did you mean \"ada\"?"),
        std::string::npos)
        << r->errors();
    EXPECT_NE(r->errors().find("at /map/primary: unknown place \"paris\""), std::string::npos) << r->errors();
}

TEST(validate, lengths_count_characters_not_bytes) {
    const std::string headline = R"("headline": "H")";
    EXPECT_TRUE(load(with(article(), headline, "\"headline\": \"" + std::string(200, 'x') + "\""))->ok);
    std::string accented;
    for (int i = 0; i < 200; ++i) accented += "é";  // 400 bytes, 200 characters
    EXPECT_TRUE(load(with(article(), headline, "\"headline\": \"" + accented + "\""))->ok);
    EXPECT_NE(load(with(article(), headline, "\"headline\": \"" + accented + "é\""))
                  ->errors()
                  .find("the text is 201 characters long, over the limit of 200"),
              std::string::npos);
}

TEST(validate, control_characters_are_rejected_but_bidi_controls_are_allowed) {
    EXPECT_TRUE(load(article(R"(, "dek": "\u200fשלום\u202b")"))->ok);
    for (const char* escape : {"\\u0000", "\\t", "\\n", "\\u001f", "\\u007f", "\\u0085"}) {
        const auto r = load(article(std::string(R"(, "dek": "a)") + escape + "\""));
        EXPECT_NE(r->errors().find("the text contains the control character"), std::string::npos) << escape;
    }
}

TEST(validate, coordinates_accept_their_bounds_and_reject_beyond) {
    const std::string bergen = R"("lat": 60.39, "lon": 5.32)";
    EXPECT_TRUE(load(with(article(), bergen, R"("lat": -90, "lon": 180)"))->ok);
    const auto r = load(with(article(), bergen, R"("lat": 90.0001, "lon": -180.0001)"));
    EXPECT_EQ(r->diagnostics.items.size(), 2u) << r->errors();
    // Too large for a double: nlohmann stops there, and the error says where.
    const auto huge = load(with(article(), bergen, R"("lat": 1e400, "lon": 0)"));
    EXPECT_EQ(
        huge->errors(),
        "a.json:13:56: error: invalid JSON: number overflow parsing '1e400'; write a number between -1.7e308 "
        "and 1.7e308\n");
}

TEST(validate, too_many_items_are_reported_once_and_items_still_checked) {
    std::string body;
    for (int i = 0; i < 201; ++i) body += std::string(i ? ", " : "") + "\"P" + std::to_string(i) + ".\"";
    body += R"(, "“We agreed,” Ada said.", "Observers called it a “diplomatic win”.")";
    const auto r = load(article("", body));
    ASSERT_EQ(r->diagnostics.items.size(), 1u) << r->errors();
    EXPECT_EQ(r->diagnostics.items[0].message, "203 paragraphs, over the limit of 200; remove some");
}

TEST(validate, overlapping_quotes_are_rejected) {
    const auto r = load(with(with(article(), R"("text": "diplomatic win")", R"("text": "agreed")"),
                             R"("speaker": "observers")", R"("speaker": "ben")"));
    EXPECT_NE(r->errors().find("quote q2 overlaps quote q1 in paragraph 1 at character 5"), std::string::npos)
        << r->errors();
}

TEST(validate, invalid_utf8_is_located) {
    std::string text = article();
    text[text.find("\"H\"") + 1] = '\xC3';
    const auto r = load(text);
    ASSERT_EQ(r->diagnostics.items.size(), 1u);
    EXPECT_EQ(r->diagnostics.items[0].line, 4);
    EXPECT_EQ(r->diagnostics.items[0].column, 16);
    EXPECT_EQ(r->diagnostics.items[0].message.substr(0, 27), "invalid UTF-8: byte 0xC3 do");
}

TEST(validate, files_over_one_mebibyte_are_rejected_before_parsing) {
    const std::string text = article() + std::string(1024 * 1024, ' ');
    const auto r = load(text);
    ASSERT_EQ(r->diagnostics.items.size(), 1u);
    EXPECT_EQ(r->diagnostics.items[0].line, 0);
    EXPECT_NE(r->diagnostics.items[0].message.find("over the limit of 1 MiB"), std::string::npos);
}

TEST(validate, odd_json_never_throws) {
    for (const char* text :
         {"null", "true", "\"x\"", "1e999", "{\"body\": [[[[]]]]}", "{\"quotes\": [1, null]}",
          "{\"map\": {\"pins\": [{}], \"center\": [\"a\", {}]}}", "{\"\": {\"\": 1}}"}) {
        const auto r = load(text);
        EXPECT_FALSE(r->ok) << text;
    }
}

TEST(validate, the_default_article_is_complete) {
    std::string text;
    ASSERT_TRUE(read_file(DATELINE_SOURCE_DIR "/assets/articles/anchorage-summit.json", text));
    const auto r = load(text);
    ASSERT_TRUE(r->ok) << r->errors();
    const Article& a = r->store.article;
    EXPECT_EQ(a.paragraphs.size, 13u);
    const auto quote = [&](std::string_view id) -> const Quote& {
        for (const Quote& q : a.quotes) {
            if (q.id == id) return q;
        }
        ADD_FAILURE() << "no quote " << id;
        return a.quotes[0];
    };
    const auto speaker = [&](const Quote& q) { return a.people[q.speaker].id; };
    EXPECT_EQ(speaker(quote("diplomatic-win")), "observers");
    EXPECT_EQ(a.people[quote("diplomatic-win").speaker].kind, PersonKind::UnnamedSource);
    EXPECT_EQ(speaker(quote("long-overdue")), "putin");
    EXPECT_EQ(speaker(quote("very-productive")), "trump");
    EXPECT_EQ(speaker(quote("bought-more-time")), "honcharenko");
    EXPECT_EQ(speaker(quote("war-of-attrition")), "halkett");
    EXPECT_EQ(quote("no-deal-until-a-deal").parts.size, 2u);
    EXPECT_EQ(quote("a-little-heat").form, QuoteForm::Fragment);
    EXPECT_EQ(quote("see-it-happening").form, QuoteForm::Fragment);
    const Quote& moscow = quote("next-time-in-moscow");
    EXPECT_EQ(speaker(moscow), "putin");
    ASSERT_NE(moscow.place, kNone);
    EXPECT_EQ(a.places[static_cast<std::size_t>(moscow.place)].id, "moscow");
    for (const Person& p : a.people) {
        if (p.id == "zelenskyy") {
            EXPECT_FALSE(p.quoted());
        }
    }
    EXPECT_EQ(a.places[static_cast<std::size_t>(a.map.primary)].id, "anchorage");
    EXPECT_EQ(a.map.pinned.size, 4u);
}

TEST(formats, ids_dates_colours_and_codes) {
    EXPECT_TRUE(is_id("a", 48));
    EXPECT_TRUE(is_id("0-9", 48));
    EXPECT_FALSE(is_id("-a", 48));
    EXPECT_FALSE(is_id("A", 48));
    EXPECT_FALSE(is_id("", 48));
    EXPECT_FALSE(is_id(std::string(49, 'a'), 48));
    EXPECT_TRUE(is_iso_date("2024-02-29"));
    EXPECT_FALSE(is_iso_date("2025-02-29"));
    EXPECT_TRUE(is_iso_date("2000-02-29"));
    EXPECT_FALSE(is_iso_date("1900-02-29"));
    EXPECT_FALSE(is_iso_date("2025-04-31"));
    EXPECT_FALSE(is_iso_date("2025-1-01"));
    EXPECT_EQ(parse_colour("#C8102e"), 0xC8102Eu);
    EXPECT_FALSE(parse_colour("#c8102"));
    EXPECT_FALSE(parse_colour("c8102e0"));
    EXPECT_TRUE(is_language_tag("zh-Hant-TW"));
    EXPECT_FALSE(is_language_tag("english"));
    EXPECT_FALSE(is_language_tag("en-"));
    EXPECT_TRUE(is_country_code("UA"));
    EXPECT_FALSE(is_country_code("ua"));
}

}  // namespace
}  // namespace dateline
