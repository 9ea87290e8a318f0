// Article -> semantic HTML (the accessible mirror and the no-script fallback).
// Every article string is escaped: nothing from the JSON ever becomes markup.
#pragma once

#include <string>
#include <string_view>

#include "article/article.h"

namespace dateline {

std::string escape_html(std::string_view text);
std::string emit_article_html(const Article& article);

// Fills the standalone page template (shell.html): {{LANG}}, {{TITLE}},
// {{DESCRIPTION}} and {{ARTICLE}} (the semantic article HTML).
std::string emit_page(std::string_view page_template, const Article& article);

}  // namespace dateline
