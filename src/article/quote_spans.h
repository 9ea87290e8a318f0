// Finding a quote's words in the article body.
//
// An author types each quote's words in the article JSON; the body holds the
// same words between quotation marks. resolve_quote_spans() finds every part
// of a quote in exactly one place of the body and returns the UTF-8 byte
// ranges of the words (without the quotation marks around them), plus the
// sentence(s) around the quote for the quote panel.
//
// Matching forgives only what a keyboard changes: typographic and straight
// quotes and apostrophes (’ ‘ ' match each other, “ ” " match each other) and
// runs of spaces (space, no-break space, narrow no-break space). Everything
// else must be exact, because a quote is someone's exact words. A match must
// also start and end on word boundaries, so "win" never matches inside "winner".
//
// Pure C++17 without exceptions: it is compiled into the wasm module too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"

namespace dateline {

struct QuoteSpanError {
    std::size_t part = 0;  // the part the message is about
    std::string message;   // what is wrong and how to fix it
};

struct QuoteSpans {
    std::vector<TextRange> parts;  // one per part, in order; empty on error
    TextRange context;             // the sentence(s) around the quote
    std::vector<QuoteSpanError> errors;

    bool ok() const { return errors.empty(); }
};

// Finds the parts of quotes in one body. A part must occur exactly once in the
// whole body; the parts of a split quote must come in order, each in the same
// paragraph as the one before or in the next. Messages name paragraphs and
// characters 1-based, as an author counts them, and do not name the quote
// (the caller knows its id). A quote whose parts span paragraphs gets the
// context of its first paragraph only, because a TextRange holds one paragraph.
class QuoteFinder {
public:
    // Normalizes the body once; `paragraphs` must outlive the finder.
    explicit QuoteFinder(Span<std::string_view> paragraphs);
    QuoteFinder(const QuoteFinder&) = delete;
    QuoteFinder& operator=(const QuoteFinder&) = delete;
    ~QuoteFinder();

    QuoteSpans resolve(const std::vector<std::string_view>& parts) const;

private:
    struct Body;  // the normalized paragraphs, private to the .cpp
    std::unique_ptr<const Body> body_;
};

// One quote against one body; for many quotes, reuse a QuoteFinder.
QuoteSpans resolve_quote_spans(Span<std::string_view> paragraphs, const std::vector<std::string_view>& parts);

// The sentence(s) of `paragraph` holding the bytes [begin, end): from the
// start of the sentence containing `begin` to the end of the sentence
// containing `end`, closing quotation marks included. A sentence ends at
// . ! or ? (plus any closing quotes or brackets) followed by a space, unless
// what follows starts in lower case ("“Go!” she said"), the period ends an
// initial or a title ("U.S.", "Dr."), or what follows is a short attribution
// after a quoted sentence (“…peace.” Putin said.).
TextRange sentence_context(std::string_view paragraph, std::uint16_t paragraph_index, std::uint32_t begin,
                           std::uint32_t end);

}  // namespace dateline
