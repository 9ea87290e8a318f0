// The wasm module's entry point: one article, one canvas, one ImGui context.
// The article and its fonts are generated per article by the build
// (dateline_add_widget) and linked in beside this file.
#include <string>

#include <emscripten.h>

#include "article/article.h"
#include "platform/web_platform.h"
#include "widget/article_view.h"
#include "widget/fonts.h"
#include "widget/theme.h"

const dateline::Article& dateline_article();
dateline::Span<std::uint8_t> dateline_font_serif();
dateline::Span<std::uint8_t> dateline_font_serif_bold();

namespace {

using namespace dateline;

struct App {
    WebPlatform platform;
    ArticleView* view = nullptr;
};

App app;

float frame(void* user, bool dark) {
    const ColorScheme scheme = dark ? ColorScheme::Dark : ColorScheme::Light;
    apply_theme(scheme);
    return static_cast<App*>(user)->view->draw(scheme);
}

unsigned clear_color(void*, bool dark) {
    const ImU32 c = theme_for(dark ? ColorScheme::Dark : ColorScheme::Light).page;
    // ImU32 is ABGR; the platform wants 0xRRGGBB.
    return ((c & 0xFF) << 16) | (c & 0xFF00) | ((c >> 16) & 0xFF);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void dateline_resize() { app.platform.on_resize(); }
EMSCRIPTEN_KEEPALIVE void dateline_wake() { app.platform.wake(); }

}

int main() {
    static const std::string slug(dateline_article().slug);
    if (!app.platform.init({&app, frame, clear_color, slug.c_str()})) return 1;
    static ArticleView view(dateline_article(),
                            load_fonts({dateline_font_serif(), dateline_font_serif_bold()}));
    app.view = &view;
    app.platform.wake();
    return 0;
}
