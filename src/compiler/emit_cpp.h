// Article -> C++ source defining `const dateline::Article& dateline_article()`
// as constant-initialized data, so the wasm module carries no JSON parser.
#pragma once

#include <string>

#include "article/article.h"

namespace dateline {

std::string emit_article_cpp(const Article& article);

// A byte array as a C++ source file defining `Span<uint8_t> <symbol>()`.
std::string emit_bytes_cpp(const std::string& symbol, const std::string& bytes);

}  // namespace dateline
