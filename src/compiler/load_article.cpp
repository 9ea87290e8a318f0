#include "compiler/load_article.h"

#include <nlohmann/json.hpp>

namespace dateline {
namespace {

using nlohmann::json;

// Converts a byte offset in `text` into a 1-based line and column.
void locate(const std::string& text, std::size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
}

struct Reader {
    const std::string& file;
    Diagnostics& diagnostics;
    ArticleStore& store;

    void error(const std::string& pointer, std::string message) {
        diagnostics.items.push_back({file, 0, 0, pointer, std::move(message)});
    }

    std::string_view string_field(const json& object, const char* key, const std::string& at,
                                  bool required) {
        auto it = object.find(key);
        const std::string pointer = at + "/" + key;
        if (it == object.end()) {
            if (required) error(at, std::string("missing required field \"") + key + "\"");
            return {};
        }
        if (!it->is_string()) {
            error(pointer, "expected a string");
            return {};
        }
        return store.keep(it->get<std::string>());
    }
};

}  // namespace

bool load_article(const std::string& file, const std::string& text, ArticleStore& store,
                  Diagnostics& diagnostics) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        Diagnostic d{file, 0, 0, "", e.what()};
        locate(text, e.byte > 0 ? e.byte - 1 : 0, d.line, d.column);
        diagnostics.items.push_back(d);
        return false;
    }
    Reader r{file, diagnostics, store};
    if (!doc.is_object()) {
        r.error("", "expected the article to be a JSON object");
        return false;
    }
    Article& a = store.article;
    a.slug = r.string_field(doc, "slug", "", true);
    a.language = r.string_field(doc, "language", "", true);
    a.headline = r.string_field(doc, "headline", "", true);
    a.dek = r.string_field(doc, "dek", "", false);
    a.byline = r.string_field(doc, "byline", "", false);
    a.dateline = r.string_field(doc, "dateline", "", false);
    a.published = r.string_field(doc, "published", "", false);
    auto body = doc.find("body");
    if (body == doc.end() || !body->is_array() || body->empty()) {
        r.error("/body", "expected a non-empty array of paragraphs");
    } else {
        for (std::size_t i = 0; i < body->size(); ++i) {
            const json& p = (*body)[i];
            if (!p.is_string()) {
                r.error("/body/" + std::to_string(i), "expected a string");
                continue;
            }
            store.paragraphs.push_back(store.keep(p.get<std::string>()));
        }
    }
    store.link();
    return diagnostics.empty();
}

}  // namespace dateline
