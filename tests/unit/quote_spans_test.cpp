#include "article/quote_spans.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/text_layout.h"

namespace dateline {
namespace {

struct Body {
    std::vector<std::string_view> paragraphs;
    Span<std::string_view> span() const {
        return {paragraphs.data(), static_cast<std::uint32_t>(paragraphs.size())};
    }
};

std::string_view words(const Body& body, const TextRange& r) {
    return body.paragraphs[r.paragraph].substr(r.begin, r.end - r.begin);
}

QuoteSpans resolve(const Body& body, std::vector<std::string_view> parts) {
    return resolve_quote_spans(body.span(), parts);
}

std::string first_error(const QuoteSpans& spans) {
    return spans.errors.empty() ? "" : spans.errors[0].message;
}

TEST(quote_spans, finds_words_between_curly_quotes_without_the_marks) {
    const Body body{
        {"Opening line.", "The summit gave Putin a “diplomatic win” after years, observers said."}};
    const QuoteSpans spans = resolve(body, {"diplomatic win"});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    ASSERT_EQ(spans.parts.size(), 1u);
    EXPECT_EQ(spans.parts[0].paragraph, 1);
    EXPECT_EQ(words(body, spans.parts[0]), "diplomatic win");
    // “ is three bytes: the range starts after it.
    EXPECT_EQ(spans.parts[0].begin, std::string_view("The summit gave Putin a “").size());
}

TEST(quote_spans, straight_apostrophes_in_json_match_typographic_ones_in_the_body) {
    const Body body{{"“They won’t throw a wrench in the works,” Putin said."}};
    const QuoteSpans spans = resolve(body, {"They won't throw a wrench in the works"});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    // The range is in the original bytes: it includes the 3-byte ’.
    EXPECT_EQ(words(body, spans.parts[0]), "They won’t throw a wrench in the works");
}

TEST(quote_spans, typographic_quotes_in_json_match_straight_ones_in_the_body) {
    const Body body{{"He called it \"the 'best' deal\" and left."}};
    const QuoteSpans spans = resolve(body, {"the ‘best’ deal"});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    EXPECT_EQ(words(body, spans.parts[0]), "the 'best' deal");
}

TEST(quote_spans, runs_of_spaces_and_no_break_spaces_match_one_space) {
    const Body body{{"She said “ten\u00A0000  people came” today."}};
    const QuoteSpans spans = resolve(body, {"ten 000 people came"});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    EXPECT_EQ(words(body, spans.parts[0]), "ten\u00A0000  people came");
}

TEST(quote_spans, a_quote_that_wraps_across_lines_is_one_range_with_one_rect_per_line) {
    const std::string paragraph =
        "The mayor said “we are not closing the harbour, we are making sure that the people who live here "
        "can "
        "still use it every single day of the year” after the vote.";
    const Body body{{paragraph}};
    const QuoteSpans spans =
        resolve(body, {"we are not closing the harbour, we are making sure that the people who live "
                       "here can still use it every single day of the year"});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    const TextRange r = spans.parts[0];
    EXPECT_EQ(paragraph.substr(r.begin, 2), "we");
    EXPECT_EQ(paragraph.substr(r.end - 4, 4), "year");
    // Laid out 40 units wide with 1 unit per byte, the quote crosses lines.
    const TextMeasure measure{nullptr,
                              [](const void*, std::string_view s) { return static_cast<float>(s.size()); }};
    const TextLayout layout = layout_text(paragraph, 40, 10, measure);
    const std::vector<Rect> rects = range_rects(layout, paragraph, r.begin, r.end, measure);
    EXPECT_GE(rects.size(), 3u);
}

TEST(quote_spans, repeated_words_are_ambiguous_and_say_where) {
    const Body body{{"He called it “a start”. She agreed: “a start”.", "Others said “a start” too."}};
    const QuoteSpans spans = resolve(body, {"a start"});
    ASSERT_FALSE(spans.ok());
    EXPECT_EQ(
        first_error(spans),
        "text is ambiguous: it appears 3 times, in paragraph 1 at character 15, paragraph 1 at character 38 "
        "and paragraph 2 at character 14; add more of the surrounding words so it matches one place only");
    EXPECT_TRUE(resolve(body, {"She agreed: “a start"}).ok());
}

TEST(quote_spans, many_repeats_are_listed_briefly) {
    const Body body{{"go go go go go go go"}};
    const std::string error = first_error(resolve(body, {"go"}));
    EXPECT_NE(error.find("it appears 7 times"), std::string::npos) << error;
    EXPECT_NE(error.find("and 2 more"), std::string::npos) << error;
}

TEST(quote_spans, matches_whole_words_only) {
    const Body body{{"A winner takes all, a win for some."}};
    const QuoteSpans spans = resolve(body, {"win"});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    EXPECT_EQ(spans.parts[0].begin, std::string_view("A winner takes all, a ").size());

    const Body only_inside{{"A winner takes all."}};
    EXPECT_EQ(first_error(resolve(only_inside, {"win"})),
              "text not found as whole words: it appears only inside longer words, first in paragraph 1 at "
              "character 3; quote whole words");
}

TEST(quote_spans, not_found_names_the_closest_match_and_where_it_differs) {
    const Body body{{"Nothing here.", "“They won’t throw a wrench in the works,” Putin said."}};
    EXPECT_EQ(
        first_error(resolve(body, {"They won't throw a spanner in the works"})),
        "text not found in any paragraph; the closest match, in paragraph 2 at character 2, differs from "
        "character 20 of the quote on: the quote has \"s\" in \"They won't throw a spanner in the works\" where "
        "the paragraph has \"w\" in \"“They won’t throw a wrench in the works,” Putin…\"; copy the words "
        "exactly as the paragraph has them");
    EXPECT_EQ(first_error(resolve(body, {"xyzzy"})),
              "text not found in any paragraph; copy the words exactly as the paragraph has them");
}

TEST(quote_spans, not_found_at_the_end_of_a_paragraph) {
    const Body body{{"He said “the end"}};
    EXPECT_EQ(
        first_error(resolve(body, {"the end."})),
        "text not found in any paragraph; the closest match, in paragraph 1 at character 10, differs from "
        "character 8 of the quote on: the quote has \".\" in \"the end.\" where the paragraph ends: "
        "\"He said “the end\"; copy the words exactly as the paragraph has them");
}

TEST(quote_spans, split_quote_parts_resolve_in_order_with_one_context) {
    const Body body{
        {"“There were many points. We made some headway,” Trump said. “So there is no deal until "
         "there is a deal.” Then he left."}};
    const QuoteSpans spans = resolve(
        body, {"There were many points. We made some headway", "So there is no deal until there is a deal."});
    ASSERT_TRUE(spans.ok()) << first_error(spans);
    ASSERT_EQ(spans.parts.size(), 2u);
    EXPECT_EQ(words(body, spans.parts[1]), "So there is no deal until there is a deal.");
    EXPECT_EQ(
        words(body, spans.context),
        "“There were many points. We made some headway,” Trump said. “So there is no deal until there is a "
        "deal.”");
}

TEST(quote_spans, split_quote_parts_out_of_order_are_an_error_on_the_later_part) {
    const Body body{{"“First words,” she said. “Second words.”"}};
    const QuoteSpans spans = resolve(body, {"Second words.", "First words"});
    ASSERT_EQ(spans.errors.size(), 1u);
    EXPECT_EQ(spans.errors[0].part, 1u);
    EXPECT_EQ(
        spans.errors[0].message,
        "parts must follow each other in reading order, each in the same paragraph as the one before or the "
        "next, but part 1 is in paragraph 1 at character 27 and part 2 in paragraph 1 at character 2; "
        "reorder "
        "the parts, or make them separate quotes");
}

TEST(quote_spans, split_quote_may_continue_in_the_next_paragraph_only) {
    const Body body{{"“First words,” she said.", "“Second words.”", "Filler.", "“Third words.”"}};
    const QuoteSpans next = resolve(body, {"First words", "Second words."});
    ASSERT_TRUE(next.ok()) << first_error(next);
    // The context stays in the first paragraph: a TextRange holds one.
    EXPECT_EQ(next.context.paragraph, 0);
    EXPECT_EQ(words(body, next.context), "“First words,” she said.");
    EXPECT_FALSE(resolve(body, {"Second words.", "Third words."}).ok());
}

TEST(quote_spans, every_failing_part_is_reported) {
    const Body body{{"“Real words,” she said."}};
    const QuoteSpans spans = resolve(body, {"Made up", "Real words", "Also made up"});
    ASSERT_EQ(spans.errors.size(), 2u);
    EXPECT_EQ(spans.errors[0].part, 0u);
    EXPECT_EQ(spans.errors[1].part, 2u);
    EXPECT_EQ(spans.errors[1].message.substr(0, 8), "part 3: ");
}

TEST(quote_spans, empty_words_are_an_error) {
    const Body body{{"Text."}};
    EXPECT_EQ(first_error(resolve(body, {"   "})), "text is empty; give the quoted words");
    EXPECT_FALSE(resolve(body, {}).ok());
}

TEST(quote_spans, context_is_the_sentence_holding_the_quote) {
    const Body body{
        {"Despite the lack of progress, the summit gave Putin a “diplomatic win” after years of being "
         "shunned by the West, observers said. Putin was greeted with a red carpet."}};
    const QuoteSpans spans = resolve(body, {"diplomatic win"});
    ASSERT_TRUE(spans.ok());
    EXPECT_EQ(
        words(body, spans.context),
        "Despite the lack of progress, the summit gave Putin a “diplomatic win” after years of being shunned "
        "by the West, observers said.");
}

TEST(quote_spans, context_keeps_an_attribution_after_a_quoted_sentence) {
    const std::string_view p = "They met. “We want peace.” Putin said. Then they left.";
    const TextRange r = sentence_context(p, 0, 13, 27);
    EXPECT_EQ(p.substr(r.begin, r.end - r.begin), "“We want peace.” Putin said.");
}

TEST(quote_spans, context_does_not_end_before_a_lower_case_word_initials_or_titles) {
    const std::string_view go = "“Go!” she said. Next sentence.";
    TextRange r = sentence_context(go, 0, 3, 6);
    EXPECT_EQ(go.substr(r.begin, r.end - r.begin), "“Go!” she said.");

    const std::string_view us = "Before. The U.S. President met Dr. Smith in Anchorage. After.";
    r = sentence_context(us, 0, 20, 30);
    EXPECT_EQ(us.substr(r.begin, r.end - r.begin), "The U.S. President met Dr. Smith in Anchorage.");
}

TEST(quote_spans, context_includes_a_closing_quote_after_the_period) {
    const std::string_view p = "He left. She said “it could possibly happen”. Then silence.";
    const TextRange r = sentence_context(p, 0, 21, 40);
    EXPECT_EQ(p.substr(r.begin, r.end - r.begin), "She said “it could possibly happen”.");
}

TEST(quote_spans, a_finder_serves_many_quotes) {
    const Body body{{"“One,” said A. “Two,” said B."}};
    const QuoteFinder finder(body.span());
    EXPECT_TRUE(finder.resolve({"One"}).ok());
    EXPECT_TRUE(finder.resolve({"Two"}).ok());
    EXPECT_FALSE(finder.resolve({"Three"}).ok());
}

TEST(quote_spans, hostile_input_does_not_crash) {
    const std::string invalid = "\xFF\xFE \xE2\x80 “x” \xC3";
    const Body body{{invalid, "", std::string_view("\0\0", 2)}};
    // Whatever these resolve to, they must not read out of bounds (ASan builds check).
    (void)resolve(body, {"\xE2"});
    (void)resolve(body, {std::string_view("\0", 1)});
    (void)resolve(body, {"\xC3", "\xFF"});
    EXPECT_TRUE(resolve(body, {"x"}).ok());
}

}  // namespace
}  // namespace dateline
