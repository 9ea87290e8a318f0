// libFuzzer target for the JSON -> model path: any bytes go through
// load_article() (size and UTF-8 checks, JSON parsing, the position index,
// validation, quote resolution); a valid article then goes through every
// emitter. Besides crashes and sanitizer reports, it traps on broken
// promises: every error located in the file, every resolved range inside its
// paragraph. Build and run with `make fuzz` (clang, ASan + UBSan).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "compiler/charset.h"
#include "compiler/emit_cpp.h"
#include "compiler/emit_html.h"
#include "compiler/load_article.h"
#include "compiler/summary.h"

namespace {

using namespace dateline;

void require(bool promise) {
    if (!promise) __builtin_trap();
}

bool inside(const Article& a, const TextRange& r) {
    return r.paragraph < a.paragraphs.size && r.begin <= r.end && r.end <= a.paragraphs[r.paragraph].size();
}

void check_model(const Article& a) {
    for (const Quote& q : a.quotes) {
        require(q.speaker < a.people.size);
        require(q.place == kNone || (q.place >= 0 && static_cast<std::size_t>(q.place) < a.places.size));
        require(!q.parts.empty() && inside(a, q.context));
        for (const QuotePart& part : q.parts) {
            require(inside(a, part.range) && part.range.begin < part.range.end);
        }
        const TextRange& first = q.parts[0].range;
        require(q.context.paragraph == first.paragraph && q.context.begin <= first.begin);
    }
    for (std::uint16_t pin : a.map.pinned) require(pin < a.places.size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    ArticleStore store;
    Diagnostics diagnostics;
    if (load_article("fuzz.json", text, store, diagnostics)) {
        check_model(store.article);
        emit_article_cpp(store.article);
        emit_article_html(store.article);
        article_charset(store.article);
        std::ostringstream summary;
        print_summary(summary, store.article);
        return 0;
    }
    require(!diagnostics.empty());
    for (const Diagnostic& d : diagnostics.items) {
        require(d.line > 0 && d.column > 0);
        // Messages quote the input, so only the prefix can tell a bug apart.
        require(d.message.rfind("internal error", 0) != 0);
        d.format();
    }
    return 0;
}
