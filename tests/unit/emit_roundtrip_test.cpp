// The generated C++ compiled back in: what `dateline compile` emits for the
// default article equals, field by field, what the loader builds from the JSON.
#include <gtest/gtest.h>

#include <string>

#include "compiler/load_article.h"
#include "compiler/output_dir.h"

const dateline::Article& dateline_article();  // defined by the generated article_data.cpp

namespace dateline {
namespace {

void expect_same_range(const TextRange& a, const TextRange& b) {
    EXPECT_EQ(a.paragraph, b.paragraph);
    EXPECT_EQ(a.begin, b.begin);
    EXPECT_EQ(a.end, b.end);
}

TEST(emit_roundtrip, generated_data_equals_the_loaded_article) {
    std::string text;
    ASSERT_TRUE(read_file(DATELINE_SOURCE_DIR "/assets/articles/anchorage-summit.json", text));
    ArticleStore store;
    Diagnostics diagnostics;
    ASSERT_TRUE(load_article("anchorage-summit.json", text, store, diagnostics));
    const Article& json = store.article;
    const Article& emitted = dateline_article();

    for (auto field : {&Article::slug, &Article::language, &Article::headline, &Article::dek,
                       &Article::byline, &Article::credit, &Article::dateline, &Article::published}) {
        EXPECT_EQ(emitted.*field, json.*field);
    }
    ASSERT_EQ(emitted.paragraphs.size, json.paragraphs.size);
    for (std::size_t i = 0; i < json.paragraphs.size; ++i)
        EXPECT_EQ(emitted.paragraphs[i], json.paragraphs[i]);

    ASSERT_EQ(emitted.people.size, json.people.size);
    for (std::size_t i = 0; i < json.people.size; ++i) {
        const Person &e = emitted.people[i], &j = json.people[i];
        EXPECT_EQ(e.id, j.id);
        EXPECT_EQ(e.name, j.name);
        EXPECT_EQ(e.role, j.role);
        EXPECT_EQ(e.affiliation, j.affiliation);
        EXPECT_EQ(e.country, j.country);
        EXPECT_EQ(e.kind, j.kind);
        EXPECT_EQ(e.quote_count, j.quote_count);
    }

    ASSERT_EQ(emitted.quotes.size, json.quotes.size);
    for (std::size_t i = 0; i < json.quotes.size; ++i) {
        const Quote &e = emitted.quotes[i], &j = json.quotes[i];
        EXPECT_EQ(e.id, j.id);
        EXPECT_EQ(e.speaker, j.speaker);
        EXPECT_EQ(e.form, j.form);
        EXPECT_EQ(e.place, j.place);
        expect_same_range(e.context, j.context);
        ASSERT_EQ(e.parts.size, j.parts.size);
        for (std::size_t k = 0; k < j.parts.size; ++k) {
            EXPECT_EQ(e.parts[k].text, j.parts[k].text);
            expect_same_range(e.parts[k].range, j.parts[k].range);
        }
    }

    ASSERT_EQ(emitted.places.size, json.places.size);
    for (std::size_t i = 0; i < json.places.size; ++i) {
        const Place &e = emitted.places[i], &j = json.places[i];
        EXPECT_EQ(e.id, j.id);
        EXPECT_EQ(e.name, j.name);
        EXPECT_EQ(e.detail, j.detail);
        EXPECT_EQ(e.note, j.note);
        EXPECT_EQ(e.date, j.date);
        EXPECT_FLOAT_EQ(e.lat, j.lat);
        EXPECT_FLOAT_EQ(e.lon, j.lon);
    }

    EXPECT_EQ(emitted.map.primary, json.map.primary);
    EXPECT_FLOAT_EQ(emitted.map.center_lat, json.map.center_lat);
    EXPECT_FLOAT_EQ(emitted.map.center_lon, json.map.center_lon);
    EXPECT_FLOAT_EQ(emitted.map.span_km, json.map.span_km);
    ASSERT_EQ(emitted.map.pinned.size, json.map.pinned.size);
    for (std::size_t i = 0; i < json.map.pinned.size; ++i)
        EXPECT_EQ(emitted.map.pinned[i], json.map.pinned[i]);
    EXPECT_EQ(emitted.accents.light, json.accents.light);
    EXPECT_EQ(emitted.accents.dark, json.accents.dark);
}

}  // namespace
}  // namespace dateline
