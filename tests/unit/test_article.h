// A small hand-built article for tests of the model and the views: three
// people (one only mentioned, one unnamed source), a split quote, a quote
// with a place.
#pragma once

#include "article/article.h"

namespace dateline::testing {

inline constexpr std::string_view kParagraphs[] = {
    "“We agreed on many points,” Ada said. “No deal until there is a deal.”",
    "Observers called it a “diplomatic win”. Ada said “Next time, in Oslo” to Ben.",
};
inline constexpr Person kPeople[] = {
    {"ada", "Ada Lovelace", "Mayor", "Town Hall", "NO", PersonKind::Named, 2},
    {"observers", "Observers", "", "", "", PersonKind::UnnamedSource, 1},
    {"ben", "Ben Okri", "Writer", "", "NG", PersonKind::Named, 0},
};
inline constexpr QuotePart kSplit[] = {{"We agreed on many points,", {0, 3, 28}},
                                       {"No deal until there is a deal.", {0, 44, 74}}};
inline constexpr QuotePart kWin[] = {{"diplomatic win", {1, 25, 39}}};
inline constexpr QuotePart kOslo[] = {{"Next time, in Oslo", {1, 56, 74}}};
inline constexpr Quote kQuotes[] = {
    {"q1", 0, QuoteForm::Full, kNone, {kSplit, 2}, {0, 0, 77}},
    {"q2", 1, QuoteForm::Fragment, kNone, {kWin, 1}, {1, 0, 42}},
    {"q3", 0, QuoteForm::Full, 1, {kOslo, 1}, {1, 43, 85}},
};
inline constexpr Place kPlaces[] = {
    {"bergen", "Bergen", "City hall", "Where they met", "2025-01-02", 60.39f, 5.32f},
    {"oslo", "Oslo", "", "", "", 59.91f, 10.75f},
};
inline constexpr std::uint16_t kPins[] = {0, 1};
inline constexpr Article kArticle = {
    "test", "en", "Headline", "Dek", "Byline", "", "BERGEN", "2025-01-02",
    {kParagraphs, 2}, {kPeople, 3}, {kQuotes, 3}, {kPlaces, 2},
    {0, 60.39f, 5.32f, 800.0f, {kPins, 2}}, {}, {},
};

}  // namespace dateline::testing
