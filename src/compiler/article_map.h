// The packed map of one article: its map section (centre, initial span) and
// every place it pins or a quote names, so the widget can fly to any of them
// over real coastlines.
#pragma once

#include <string>

#include "article/article.h"

namespace dateline {

// `world_atlas_dir` holds the npm world-atlas files. Returns false with a
// message when the data cannot be read or the map cannot be built.
bool build_article_map(const Article& article, const std::string& world_atlas_dir, std::string& blob,
                       std::string& error);

}  // namespace dateline
