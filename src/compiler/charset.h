// The characters an article's fonts must hold: every character of every
// string the widget may draw, plus the widget's own UI strings. Feeds
// `hb-subset --text-file`, so a font carries only the glyphs it can show.
#pragma once

#include <string>

#include "article/article.h"

namespace dateline {

// UTF-8 text holding each needed character once, in code point order.
std::string article_charset(const Article& article);

}  // namespace dateline
