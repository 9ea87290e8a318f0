// Locates every quote's words in the body (article/quote_spans.h), fills the
// quotes' ranges and context, and rejects quotes that share words: each word
// of the body belongs to at most one quote, so the markup nests.
#pragma once

#include "compiler/article_store.h"
#include "compiler/json_reader.h"
#include "compiler/validate.h"

namespace dateline {

void resolve_quotes(const ValidatedArticle& validated, JsonReader& reader, ArticleStore& store);

}  // namespace dateline
