// The article format's rules (docs/article-format.md), applied to a parsed
// document: fills an ArticleStore with what is valid and reports everything
// else. Quote positions are found afterwards, by resolve_quotes().
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/article_store.h"
#include "compiler/json_reader.h"

namespace dateline {

// A quote whose words are valid and ready to be located in the body.
struct QuoteWords {
    std::size_t quote = 0;                   // index into ArticleStore::quotes
    std::vector<std::string> part_pointers;  // JSON Pointer of each part's text
};

struct ValidatedArticle {
    bool body_ok = false;  // every paragraph is valid, so quotes can be located
    std::vector<QuoteWords> quotes;
};

ValidatedArticle validate_article(const nlohmann::json& document, JsonReader& reader, ArticleStore& store);

}  // namespace dateline
