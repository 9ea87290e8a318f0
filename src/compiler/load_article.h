// JSON article file -> validated Article (views into an ArticleStore).
#pragma once

#include <string>
#include <string_view>

#include "compiler/article_store.h"
#include "compiler/diagnostics.h"

namespace dateline {

// Parses and validates `text` (the contents of `file`). On success returns
// true and fills `store`; otherwise returns false with every error found.
// The message for a file over limits::kFileBytes (size 0: unknown, a pipe).
Diagnostic file_too_large(const std::string& file, std::size_t size);

// `file_slug`, when given, is the name the file gives the article (its file
// name without .json): a different "slug" is an error, since the widget is
// published under the file's name.
bool load_article(const std::string& file, const std::string& text, ArticleStore& store,
                  Diagnostics& diagnostics, std::string_view file_slug = {});

}  // namespace dateline
