#include "compiler/resolve_quotes.h"

#include <algorithm>

#include "article/quote_spans.h"
#include "compiler/utf8.h"

namespace dateline {
namespace {

struct PlacedPart {
    TextRange range;
    std::size_t quote = 0;
    const std::string* pointer = nullptr;
};

std::string quote_name(const Quote& q) {
    return q.id.empty() ? std::string("the quote") : "quote " + std::string(q.id);
}

void reject_overlaps(std::vector<PlacedPart>& placed, JsonReader& reader, const ArticleStore& store) {
    std::sort(placed.begin(), placed.end(), [](const PlacedPart& a, const PlacedPart& b) {
        if (a.range.paragraph != b.range.paragraph) return a.range.paragraph < b.range.paragraph;
        return a.range.begin < b.range.begin;
    });
    const PlacedPart* reaching = nullptr;  // the part reaching furthest in the current paragraph
    for (const PlacedPart& part : placed) {
        if (reaching && reaching->range.paragraph == part.range.paragraph &&
            part.range.begin < reaching->range.end && reaching->quote != part.quote) {
            const std::string_view paragraph = store.paragraphs[part.range.paragraph];
            reader.error(*part.pointer,
                         quote_name(store.quotes[part.quote]) + " overlaps " +
                             quote_name(store.quotes[reaching->quote]) + " in paragraph " +
                             std::to_string(part.range.paragraph + 1) + " at character " +
                             std::to_string(utf8::count_chars(paragraph.substr(0, part.range.begin)) + 1) +
                             "; a word can belong to one quote only: shorten one of them");
        }
        if (!reaching || reaching->range.paragraph != part.range.paragraph ||
            part.range.end > reaching->range.end) {
            reaching = &part;
        }
    }
}

}  // namespace

void resolve_quotes(const ValidatedArticle& validated, JsonReader& reader, ArticleStore& store) {
    // Quotes in a broken body would only add "not found" noise.
    if (!validated.body_ok) return;
    QuoteFinder finder(ArticleStore::span_of(store.paragraphs));
    std::vector<PlacedPart> placed;
    for (const QuoteWords& words : validated.quotes) {
        Quote& quote = store.quotes[words.quote];
        std::vector<QuotePart>& parts = store.quote_parts[words.quote];
        std::vector<std::string_view> texts;
        for (const QuotePart& part : parts) texts.push_back(part.text);
        const QuoteSpans spans = finder.resolve(texts);
        for (const QuoteSpanError& e : spans.errors) {
            reader.error(words.part_pointers[e.part], quote_name(quote) + ": " + e.message);
        }
        if (!spans.ok()) continue;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            parts[k].range = spans.parts[k];
            placed.push_back({spans.parts[k], words.quote, &words.part_pointers[k]});
        }
        quote.context = spans.context;
    }
    reject_overlaps(placed, reader, store);
}

}  // namespace dateline
