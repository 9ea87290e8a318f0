// File text -> validated Article, in the order a reader of the file would
// want the problems: size, encoding, JSON syntax, then every rule of the
// format at once, each located at line:column and JSON Pointer.
#include "compiler/load_article.h"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "compiler/article_map.h"
#include "compiler/json_positions.h"
#include "compiler/json_reader.h"
#include "compiler/limits.h"
#include "compiler/parse_json.h"
#include "compiler/resolve_quotes.h"
#include "compiler/text_locator.h"
#include "compiler/utf8.h"
#include "compiler/validate.h"

namespace dateline {
namespace {

std::string at(const TextLocator& locator, std::size_t offset) {
    const TextLocation where = locator.locate(offset);
    return std::to_string(where.line) + ":" + std::to_string(where.column);
}

// Gives every diagnostic from `first` on the position of its pointer (or of
// the nearest enclosing value that has one), then orders them as in the file.
void locate(Diagnostics& diagnostics, std::size_t first, const JsonPositions& positions,
            const TextLocator& locator) {
    for (std::size_t i = first; i < diagnostics.items.size(); ++i) {
        Diagnostic& d = diagnostics.items[i];
        if (d.line > 0) continue;
        std::size_t offset = d.at_key ? positions.key_offset(d.pointer) : JsonPositions::npos;
        for (std::string p = d.pointer; offset == JsonPositions::npos; p = json_pointer_parent(p)) {
            offset = positions.value_offset(p);
            if (p.empty()) break;
        }
        const TextLocation where = locator.locate(offset == JsonPositions::npos ? 0 : offset);
        d.line = where.line;
        d.column = where.column;
    }
    std::stable_sort(diagnostics.items.begin() + static_cast<std::ptrdiff_t>(first), diagnostics.items.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
}

}  // namespace

Diagnostic file_too_large(const std::string& file, std::size_t size) {
    return {file, 0, 0, "",
            "the file is " + (size ? std::to_string(size) + " bytes, over" : std::string("over")) +
                " the limit of 1 MiB (1048576 bytes); an article is text only: check that this is the right "
                "file, or split the story"};
}

bool load_article(const std::string& file, const std::string& text, ArticleStore& store,
                  Diagnostics& diagnostics, std::string_view file_slug) {
    const std::size_t first = diagnostics.items.size();
    if (text.size() > limits::kFileBytes) {
        diagnostics.items.push_back(file_too_large(file, text.size()));
        return false;
    }
    const TextLocator locator(text);
    // nlohmann's lexer takes a NUL byte for the end of the input, so a valid
    // document followed by a NUL and anything at all would pass unread.
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        const TextLocation where = locator.locate(nul);
        diagnostics.items.push_back(
            {file, where.line, where.column, "",
             "a NUL byte (0x00): JSON text cannot hold one, and everything after it would be ignored; the file is "
             "damaged or joined to another: remove the NUL byte and whatever follows it that is not the article"});
        return false;
    }
    if (const std::size_t bad = utf8::find_invalid(text); bad != utf8::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        const TextLocation where = locator.locate(bad);
        diagnostics.items.push_back(
            {file, where.line, where.column, "",
             std::string("invalid UTF-8: byte ") + byte +
                 " does not begin a valid UTF-8 sequence here; save the file as UTF-8 (it looks like another "
                 "encoding, such as Latin-1 or Windows-1252)"});
        return false;
    }
    nlohmann::json document;
    if (!parse_json(file, text, locator, document, diagnostics)) return false;

    const JsonPositions positions = JsonPositions::index(text);
    JsonReader reader(file, diagnostics);
    for (const DuplicateKey& d : positions.duplicate_keys()) {
        reader.key_error(d.pointer, "duplicate key " + utf8::quoted(d.key) +
                                        ": this object has it already at " + at(locator, d.first_key) +
                                        "; remove one of them (only the last one would count)");
    }
    try {
        const ValidatedArticle validated = validate_article(document, reader, store);
        resolve_quotes(validated, reader, store);
    } catch (const std::exception& e) {
        // The reader checks every type before reading, so this is a bug; say so
        // instead of crashing on the author.
        diagnostics.items.push_back(
            {file, 0, 0, "",
             std::string("internal error while checking the article (please report it): ") + e.what()});
    }
    store.link();
    // What compile's map build would refuse, check refuses first, located.
    if (diagnostics.items.size() == first) check_article_map(store.article, reader);
    if (diagnostics.items.size() == first && !file_slug.empty() && store.article.slug != file_slug) {
        const std::string slug(store.article.slug);
        reader.error("/slug", "the slug " + utf8::quoted(slug) + " differs from the file name " +
                                  utf8::quoted(std::string(file_slug) + ".json") +
                                  ", under which the widget is published; rename the file to " +
                                  utf8::quoted(slug + ".json") + " or set \"slug\": " +
                                  utf8::quoted(file_slug));
    }
    locate(diagnostics, first, positions, locator);
    return diagnostics.items.size() == first;
}

}  // namespace dateline
