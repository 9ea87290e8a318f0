// The packed map of one article: its map section (centre, initial span) and
// every place it pins or a quote names, so the widget can fly to any of them
// over real coastlines.
#pragma once

#include <string>

#include "article/article.h"
#include "compiler/json_reader.h"
#include "compiler/map_build.h"

namespace dateline {

// What the map of an article asks for: its centre, initial span and the
// places it must show in detail. compile builds it; check plans it.
MapRequest article_map_request(const Article& article);

// The limits the map build enforces, found without its data: each failure is
// an error at the value to change (/map/span_km, or the place too far away).
void check_article_map(const Article& article, JsonReader& reader);

// `world_atlas_dir` holds the npm world-atlas files. Returns false with a
// message when the data cannot be read or the map cannot be built.
bool build_article_map(const Article& article, const std::string& world_atlas_dir, std::string& blob,
                       std::string& error);

}  // namespace dateline
