#include "article/selection.h"

#include <gtest/gtest.h>

#include "test_article.h"

namespace dateline {
namespace {

using testing::kArticle;

TEST(selection, selecting_a_quote_lights_its_speaker_and_place) {
    SelectionState s(kArticle);
    s.toggle({TargetType::Quote, 2});
    EXPECT_EQ(s.quote(), 2);
    EXPECT_EQ(s.speaker(), 0);
    EXPECT_EQ(s.place(), 1);
    EXPECT_TRUE(s.marks_quote(2));
    EXPECT_FALSE(s.marks_quote(0));
}

TEST(selection, selecting_a_speaker_marks_all_their_quotes) {
    SelectionState s(kArticle);
    s.toggle({TargetType::Speaker, 0});
    EXPECT_EQ(s.quote(), kNone);
    EXPECT_TRUE(s.marks_quote(0));
    EXPECT_FALSE(s.marks_quote(1));
    EXPECT_TRUE(s.marks_quote(2));
    EXPECT_EQ(s.place(), kNone);
}

TEST(selection, selecting_again_clears_and_another_item_replaces) {
    SelectionState s(kArticle);
    s.toggle({TargetType::Speaker, 2});
    s.toggle({TargetType::Speaker, 2});
    EXPECT_TRUE(s.current().empty());
    s.toggle({TargetType::Quote, 1});
    s.toggle({TargetType::Place, 0});
    EXPECT_EQ(s.current(), (Selection{TargetType::Place, 0}));
    EXPECT_EQ(s.place(), 0);
    EXPECT_EQ(s.speaker(), kNone);
    s.clear();
    EXPECT_TRUE(s.current().empty());
}

TEST(selection, parses_url_fragments) {
    EXPECT_EQ(parse_fragment(kArticle, "#quote=q3"), (Selection{TargetType::Quote, 2}));
    EXPECT_EQ(parse_fragment(kArticle, "speaker=ben"), (Selection{TargetType::Speaker, 2}));
    EXPECT_EQ(parse_fragment(kArticle, "#place=oslo&utm_source=x"), (Selection{TargetType::Place, 1}));
    EXPECT_TRUE(parse_fragment(kArticle, "#quote=nope").empty());
    EXPECT_TRUE(parse_fragment(kArticle, "#quote").empty());
    EXPECT_TRUE(parse_fragment(kArticle, "").empty());
    EXPECT_TRUE(parse_fragment(kArticle, "#top").empty());
}

TEST(selection, formats_fragments_that_parse_back) {
    for (Selection s : {Selection{TargetType::Quote, 0}, Selection{TargetType::Speaker, 1},
                        Selection{TargetType::Place, 1}}) {
        EXPECT_EQ(parse_fragment(kArticle, format_fragment(kArticle, s)), s);
    }
    EXPECT_EQ(format_fragment(kArticle, {TargetType::Quote, 2}), "quote=q3");
    EXPECT_EQ(format_fragment(kArticle, {}), "");
}

}  // namespace
}  // namespace dateline
