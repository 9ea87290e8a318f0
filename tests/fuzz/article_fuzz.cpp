// libFuzzer target for the JSON -> model path: any bytes go through
// load_article() (size and UTF-8 checks, JSON parsing, the position index,
// validation, quote resolution); a valid article then goes through every
// emitter and the map build, on world-atlas data read once. Besides crashes
// and sanitizer reports, it traps on broken promises: every error located in
// the file, every resolved range inside its paragraph, and every article that
// check accepts builds its map (check finds first what compile would refuse).
// Build and run with `make fuzz` (clang, ASan + UBSan).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "compiler/article_map.h"
#include "compiler/charset.h"
#include "compiler/emit_cpp.h"
#include "compiler/emit_html.h"
#include "compiler/load_article.h"
#include "compiler/map_build.h"
#include "compiler/output_dir.h"
#include "compiler/summary.h"
#include "compiler/topojson.h"

namespace {

using namespace dateline;

void require(bool promise) {
    if (!promise) __builtin_trap();
}

bool inside(const Article& a, const TextRange& r) {
    return r.paragraph < a.paragraphs.size && r.begin <= r.end && r.end <= a.paragraphs[r.paragraph].size();
}

void check_model(const Article& a) {
    for (const Quote& q : a.quotes) {
        require(q.speaker < a.people.size);
        require(q.place == kNone || (q.place >= 0 && static_cast<std::size_t>(q.place) < a.places.size));
        require(!q.parts.empty() && inside(a, q.context));
        for (const QuotePart& part : q.parts) {
            require(inside(a, part.range) && part.range.begin < part.range.end);
        }
        const TextRange& first = q.parts[0].range;
        require(q.context.paragraph == first.paragraph && q.context.begin <= first.begin);
    }
    for (std::uint16_t pin : a.map.pinned) require(pin < a.places.size);
}

struct WorldAtlas {
    Topology land, countries, world;
};

// The npm world-atlas files, parsed once for the whole run.
const WorldAtlas& world_atlas() {
    static const WorldAtlas atlas = [] {
        WorldAtlas a;
        std::string error;
        for (auto [name, topology] : {std::pair{"land-50m.json", &a.land}, std::pair{"countries-50m.json", &a.countries},
                                      std::pair{"land-110m.json", &a.world}}) {
            std::string text;
            require(read_file(std::string(DATELINE_WORLD_ATLAS_DIR "/") + name, text) &&
                    parse_topology(text, *topology, error));
        }
        return a;
    }();
    return atlas;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    ArticleStore store;
    Diagnostics diagnostics;
    if (load_article("fuzz.json", text, store, diagnostics)) {
        check_model(store.article);
        emit_article_cpp(store.article);
        emit_article_html(store.article);
        article_charset(store.article);
        std::ostringstream summary;
        print_summary(summary, store.article);
        const WorldAtlas& atlas = world_atlas();
        std::string blob, error;
        require(build_map_from(article_map_request(store.article), atlas.land, atlas.countries, atlas.world, blob, error));
        return 0;
    }
    require(!diagnostics.empty());
    for (const Diagnostic& d : diagnostics.items) {
        require(d.line > 0 && d.column > 0);
        // Messages quote the input, so only the prefix can tell a bug apart.
        require(d.message.rfind("internal error", 0) != 0);
        d.format();
    }
    return 0;
}
