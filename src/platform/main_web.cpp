// The wasm module's entry point: one article, one canvas, one ImGui context.
// The article and its fonts are generated per article by the build
// (dateline_add_widget) and linked in beside this file.
#include <cstdio>
#include <string>

#include <emscripten.h>

#include "article/article.h"
#include "platform/js_bridge.h"
#include "platform/web_platform.h"
#include "widget/fonts.h"
#include "widget/widget.h"

const dateline::Article& dateline_article();
dateline::Span<std::uint8_t> dateline_font_serif();
dateline::Span<std::uint8_t> dateline_font_serif_bold();
dateline::Span<std::uint8_t> dateline_font_sans();
dateline::Span<std::uint8_t> dateline_font_sans_bold();
dateline::Span<std::uint8_t> dateline_map();

namespace {

using namespace dateline;

WebPlatform platform;
Widget* widget = nullptr;
// Strings from JS are written here (stringToUTF8) before calling in.
char input[512];
std::string output;

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

std::string_view target_label(const Article& a, const Target& t) {
    switch (t.type) {
        case TargetType::Quote: return a.quotes[static_cast<std::size_t>(t.index)].parts[0].text;
        case TargetType::Speaker: return a.people[static_cast<std::size_t>(t.index)].name;
        case TargetType::Place: return a.places[static_cast<std::size_t>(t.index)].name;
        case TargetType::None: break;
    }
    return control_name(t.control);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE char* dateline_input() { return input; }
EMSCRIPTEN_KEEPALIVE void dateline_resize() { platform.on_resize(); }
EMSCRIPTEN_KEEPALIVE void dateline_wake() { platform.wake(); }
EMSCRIPTEN_KEEPALIVE void dateline_set_visible(int visible) { platform.set_visible(visible != 0); }

// Shows the focus ring on the item named in `input` ("type=id"), as the DOM
// mirror's focus moves; an empty or unknown item hides it.
EMSCRIPTEN_KEEPALIVE void dateline_focus_fragment() {
    if (!widget) return;
    widget->focus_item(parse_fragment(widget->article(), input));
    platform.wake();
}

// Selects by "quote"/"speaker"/"place" and the id in `input` ("type=id").
// Returns 0 when nothing matches; an empty string clears the selection.
EMSCRIPTEN_KEEPALIVE int dateline_select_fragment() {
    if (!widget) return 0;
    const Selection s = parse_fragment(widget->article(), input);
    if (s.empty() && input[0] != '\0') return 0;
    widget->select(s);
    platform.wake();
    return 1;
}

// The interactive targets as JSON: [{type, id, label, x, y, w, h}, ...].
EMSCRIPTEN_KEEPALIVE const char* dateline_targets() {
    output = "[";
    if (widget) {
        const Article& a = widget->article();
        bool first = true;
        for (const Target& t : widget->targets().items()) {
            if (!first) output += ',';
            first = false;
            output += "{\"type\":";
            append_json_string(output, t.type == TargetType::None ? "control" : target_type_name(t.type));
            output += ",\"id\":";
            append_json_string(output, t.type == TargetType::None ? std::string_view(control_name(t.control))
                                                                 : selection_id(a, {t.type, t.index}));
            output += ",\"label\":";
            append_json_string(output, target_label(a, t));
            char buf[96];
            std::snprintf(buf, sizeof buf, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", t.rect.x, t.rect.y,
                          t.rect.w, t.rect.h);
            output += buf;
        }
    }
    output += "]";
    return output.c_str();
}

}  // extern "C"

int main() {
    platform.init();
    const Fonts fonts = load_fonts({dateline_font_serif(), dateline_font_serif_bold(), dateline_font_sans(),
                                    dateline_font_sans_bold()});
    static Widget instance(dateline_article(), fonts, dateline_js_mode() == 1 ? Mode::Companion : Mode::Full,
                           dateline_map());
    instance.set_reduced_motion(dateline_js_reduced_motion() != 0);
    widget = &instance;
    if (!platform.attach(widget)) {
        widget = nullptr;  // no WebGL2: the page keeps its HTML article
        return 1;
    }
    return 0;
}
