// What `dateline check` prints about a valid article: enough to see at a
// glance that every quote landed where the author meant it to.
#pragma once

#include <ostream>

#include "article/article.h"

namespace dateline {

void print_summary(std::ostream& out, const Article& article);

}  // namespace dateline
