#include "widget/widget.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include <imgui.h>

namespace dateline {
namespace {

constexpr float kMeasure = 660.0f;       // body column: ~70 characters of 18px serif
constexpr float kTwoColumnsFrom = 900.0f;
// Narrower than this (a squeezed sidebar, a collapsing flex item) the layout
// keeps this width and the canvas shows its left part: laid out at the real
// width, the text would be a column of single characters tens of thousands
// of pixels tall.
constexpr float kMinWidth = 240.0f;
constexpr float kGutter = 40.0f;
constexpr float kCardHeight = 92.0f;     // name, two lines of role, count; > 44px touch target
constexpr float kButtonHeight = 44.0f;

ImDrawList* draw_list() { return ImGui::GetWindowDrawList(); }

bool on_map(const Target& t) {
    return t.type == TargetType::Place || t.control == Control::Map || t.control == Control::ZoomIn ||
           t.control == Control::ZoomOut || t.control == Control::ResetView;
}

ImVec2 v(float x, float y) { return ImVec2(x, y); }

std::string_view range_text(const Article& a, const TextRange& r) {
    return a.paragraphs[r.paragraph].substr(r.begin, r.end - r.begin);
}

// "DT" for Donald Trump; the first letter for one-word names.
std::string monogram(std::string_view name) {
    std::string out;
    bool take = true;
    for (std::size_t i = 0; i < name.size() && out.size() < 8;) {
        const std::uint32_t n = utf8_length(static_cast<unsigned char>(name[i]));
        if (name[i] == ' ' || name[i] == '-') {
            take = true;
        } else if (take) {
            out.append(name.substr(i, n));
            take = false;
        }
        i += n;
    }
    // Keep first and last initials only: "Vladimir Vladimirovich Putin" -> "VP".
    if (out.size() > 2 && static_cast<unsigned char>(out[0]) < 0x80) {
        std::size_t last = out.size() - 1;
        while (last > 0 && (static_cast<unsigned char>(out[last]) & 0xC0) == 0x80) --last;
        out = out.substr(0, utf8_length(static_cast<unsigned char>(out[0]))) + out.substr(last);
    }
    return out;
}

// One line of text, cut with an ellipsis where it would leave `width`.
void draw_line(const Face& face, float x, float y, float width, std::string_view text, ImU32 color) {
    std::string_view shown = text;
    std::string cut;
    if (face.width(text) > width) {
        const float room = width - face.width("…");
        std::size_t end = 0;
        float used = 0;
        while (end < text.size()) {
            const std::uint32_t n = utf8_length(static_cast<unsigned char>(text[end]));
            const float w = face.width(text.substr(end, n));
            if (used + w > room) break;
            used += w;
            end += n;
        }
        while (end > 0 && text[end - 1] == ' ') --end;
        cut = std::string(text.substr(0, end)) + "…";
        shown = cut;
    }
    draw_list()->AddText(face.font, face.size, ImVec2(x, y), color, shown.data(), shown.data() + shown.size());
}

std::string quote_count_label(const Person& p) {
    if (p.quote_count == 0) return "Mentioned, not quoted";
    std::string s = p.kind == PersonKind::UnnamedSource ? "Unnamed · quoted " : "Quoted ";
    if (p.quote_count == 1) return s + "once";
    if (p.quote_count == 2) return s + "twice";
    return s + std::to_string(p.quote_count) + " times";
}

}  // namespace

struct Widget::Layout {
    float width = 0;
    float margin = 20;
    bool two_columns = false;
    float text_x = 0, text_w = 0;
    float side_x = 0, side_w = 0;
};

Widget::Widget(const Article& article, const Fonts& fonts, Mode mode, Span<std::uint8_t> map)
    : article_(article), fonts_(fonts), mode_(mode), selection_(article), map_(article, map) {}

void Widget::select(Selection s) {
    if (s == selection_.current()) return;
    selection_.set(s);
    selection_changed_ = true;
}

bool Widget::take_selection_change() { return std::exchange(selection_changed_, false); }
bool Widget::take_copy_request() { return std::exchange(copy_requested_, false); }

bool Widget::hovered(const Target& t) const { return hover_.same_item(t); }
bool Widget::focused_item(const Target& t) const { return focus_visible_ && focus_.same_item(t); }

// [SECTION] Input ------------------------------------------------------------

void Widget::handle_pointer() {
    const ImGuiIO& io = ImGui::GetIO();
    const Target* hit = ImGui::IsMousePosValid(&io.MousePos) ? targets_.hit(io.MousePos.x, io.MousePos.y) : nullptr;
    hover_ = hit ? *hit : Target{};
    if (hit && hit->control != Control::Map) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
    if (io.MouseClicked[0]) {
        pressed_ = hover_;
        focus_visible_ = false;
        // One finger on a phone scrolls the page; only a mouse drags the map.
        dragging_map_ = !touch && hit && hit->control == Control::Map;
    }
    if (dragging_map_ && io.MouseDown[0] && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        map_.pan(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (io.MouseReleased[0]) {
        const bool was_drag = io.MouseDragMaxDistanceSqr[0] > 8.0f * 8.0f;
        if (!was_drag && hit && pressed_.same_item(*hit)) activate(*hit);
        pressed_ = {};
        dragging_map_ = false;
    }
}

void Widget::activate(const Target& t) {
    switch (t.control) {
        case Control::ZoomIn: map_.zoom_step(+1); return;
        case Control::ZoomOut: map_.zoom_step(-1); return;
        case Control::ResetView: map_.reset(); return;
        case Control::CopyLink: copy_requested_ = true; return;
        case Control::ClosePanel: select({}); return;
        case Control::Map: return;
        case Control::None: break;
    }
    Selection next{t.type, t.index};
    select(next == selection_.current() ? Selection{} : next);
}

bool Widget::key(Key k, bool shift) {
    const int at = targets_.order_of(focus_);
    switch (k) {
        case Key::Tab: {
            const int next = targets_.step(at, shift ? -1 : +1);
            if (next < 0) {
                // Past the last (or first) target: let the browser move focus
                // on through the page instead of trapping the reader.
                focus_ = {};
                return false;
            }
            focus_ = targets_.items()[static_cast<std::size_t>(next)];
            focus_visible_ = true;
            return true;
        }
        case Key::Enter:
        case Key::Space:
            if (at < 0) return false;
            focus_visible_ = true;
            activate(focus_);
            return true;
        case Key::Escape:
            if (selection_.current().empty()) return false;
            select({});
            return true;
        case Key::Left:
        case Key::Right:
        case Key::Up:
        case Key::Down: {
            if (focus_.control != Control::Map) return false;
            const float step = 60.0f;
            map_.pan(k == Key::Left ? step : k == Key::Right ? -step : 0,
                     k == Key::Up ? step : k == Key::Down ? -step : 0);
            return true;
        }
        case Key::Plus:
        case Key::Minus:
            if (focus_.control != Control::Map) return false;
            map_.zoom_step(k == Key::Plus ? +1 : -1);
            return true;
    }
    return false;
}

bool Widget::wheel(float x, float y, float delta_y, bool zoom_modifier) {
    if (!zoom_modifier) return false;  // a plain wheel always scrolls the page
    const Target* hit = targets_.hit(x, y);
    if (!hit || !on_map(*hit)) return false;
    map_.zoom(delta_y < 0 ? 1.25f : 0.8f, x, y);
    return true;
}

bool Widget::pinch(bool active, float x0, float y0, float x1, float y1) {
    const float mx = (x0 + x1) * 0.5f, my = (y0 + y1) * 0.5f;
    const float dist = std::max(1.0f, std::hypot(x1 - x0, y1 - y0));
    if (!active) return std::exchange(pinching_, false);
    if (!pinching_) {
        const Target* hit = targets_.hit(mx, my);
        if (!hit || !on_map(*hit)) return false;
        pinching_ = true;
    } else {
        map_.zoom(dist / pinch_dist_, mx, my);
        map_.pan(mx - pinch_x_, my - pinch_y_);
    }
    pinch_x_ = mx;
    pinch_y_ = my;
    pinch_dist_ = dist;
    return true;
}

void Widget::focus_item(Selection s) {
    for (const Target& t : targets_.items()) {
        if (t.type == s.type && t.index == s.index) {
            focus_ = t;
            focus_visible_ = true;
            has_focus_ = true;
            return;
        }
    }
}

void Widget::focus(bool focused) {
    has_focus_ = focused;
    if (!focused) {
        focus_visible_ = false;
        focus_ = {};
    }
}

// [SECTION] Frame ------------------------------------------------------------

float Widget::frame(ColorScheme scheme, double time_s) {
    scheme_ = scheme;
    theme_ = theme_with_accents(scheme, article_.accents);
    apply_style(theme_);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    constexpr ImGuiWindowFlags kPage = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("dateline", nullptr, kPage);
    // ImGui 1.92 bakes glyphs at a font's CurrentRasterizerDensity, which it
    // updates only for the font passed to PushFont. We draw with several
    // fonts through ImDrawList::AddText, so each must follow the framebuffer
    // scale itself or it is rasterized at 1x and upscaled (blurry at DPR 2).
    const float density = ImGui::GetIO().DisplayFramebufferScale.x;
    for (ImFont* f : {fonts_.serif, fonts_.serif_bold, fonts_.sans, fonts_.sans_bold}) {
        if (f) f->CurrentRasterizerDensity = density;
    }

    // Hit testing uses the previous frame's targets: what the reader saw.
    handle_pointer();
    targets_.clear();

    Layout l;
    l.width = std::max(vp->Size.x, kMinWidth);
    l.margin = l.width < 600 ? 16.0f : 24.0f;
    l.two_columns = mode_ == Mode::Full && l.width >= kTwoColumnsFrom;
    if (l.two_columns) {
        l.side_w = std::clamp(l.width * 0.34f, 300.0f, 420.0f);
        l.text_w = std::min(kMeasure, l.width - 2 * l.margin - kGutter - l.side_w);
        l.text_x = std::max(l.margin, (l.width - l.text_w - kGutter - l.side_w) * 0.5f);
        l.side_x = l.text_x + l.text_w + kGutter;
    } else {
        l.text_w = std::min(kMeasure, l.width - 2 * l.margin);
        l.text_x = std::max(l.margin, (l.width - l.text_w) * 0.5f);
        l.side_x = l.text_x;
        l.side_w = l.text_w;
    }

    float bottom = 0;
    const std::int16_t place = selection_.place();
    if (mode_ == Mode::Companion) {
        float y = l.margin;
        const float map_h = std::clamp(l.text_w * 0.62f, 200.0f, 380.0f);
        map_.draw({l.text_x, y, l.text_w, map_h}, theme_, fonts_, targets_, hover_, place, time_s);
        y += map_h + 20;
        draw_cards(l, y);
        draw_quote_list(l, y);
        bottom = y;
    } else if (l.two_columns) {
        float y = l.margin;
        draw_header(l, y);
        // Registration order is Tab order: map and cards, then the text.
        float side_y = y;
        const float map_h = l.side_w * 0.8f;
        map_.draw({l.side_x, side_y, l.side_w, map_h}, theme_, fonts_, targets_, hover_, place, time_s);
        side_y += map_h + 20;
        Layout side = l;
        side.text_x = l.side_x;
        side.text_w = l.side_w;
        draw_cards(side, side_y);
        draw_body(l, y);
        if (!selection_.current().empty()) {
            // A margin note: beside the selected quote when there is room, else below the cards.
            float panel_y = side_y;
            if (selection_.quote() != kNone) {
                for (const Target& t : targets_.items()) {
                    if (t.type == TargetType::Quote && t.index == selection_.quote()) {
                        panel_y = std::max(side_y, t.rect.y - 8);
                        break;
                    }
                }
            }
            draw_panel(l.side_x, panel_y, l.side_w);
            side_y = panel_y;
        }
        bottom = std::max(y, side_y);
    } else {
        float y = l.margin;
        draw_header(l, y);
        const float map_h = std::clamp(l.text_w * 0.7f, 200.0f, 360.0f);
        map_.draw({l.text_x, y, l.text_w, map_h}, theme_, fonts_, targets_, hover_, place, time_s);
        y += map_h + 20;
        draw_cards(l, y);
        if (selection_.current().type == TargetType::Speaker || selection_.current().type == TargetType::Place) {
            draw_panel(l.text_x, y, l.text_w);
            y += 12;
        }
        y += 8;
        draw_body(l, y);
        bottom = y;
    }
    draw_focus_ring();
    ImGui::End();
    return bottom + l.margin;
}

// [SECTION] Article text ----------------------------------------------------

void Widget::draw_header(const Layout& l, float& y) {
    const Face headline{fonts_.serif_bold, l.width < 600 ? 28.0f : 36.0f};
    y += draw_wrapped(text_, headline, l.text_x, y, l.text_w, article_.headline, theme_.text, 1.25f) + 10;
    if (!article_.dek.empty()) {
        const Face dek{fonts_.serif, l.width < 600 ? 18.0f : 20.0f};
        y += draw_wrapped(text_, dek, l.text_x, y, l.text_w, article_.dek, theme_.muted, 1.45f) + 12;
    }
    std::string byline(article_.byline);
    if (!article_.dateline.empty()) byline += (byline.empty() ? "" : " · ") + std::string(article_.dateline);
    if (!article_.published.empty()) byline += (byline.empty() ? "" : " · ") + std::string(article_.published);
    if (!byline.empty()) {
        const Face sans{fonts_.sans, 14.0f};
        y += draw_wrapped(text_, sans, l.text_x, y, l.text_w, byline, theme_.muted, 1.4f) + 12;
    }
    draw_list()->AddLine(v(l.text_x, y), v(l.text_x + l.text_w, y), theme_.rule, 1.0f);
    y += 20;
}

void Widget::draw_body(const Layout& l, float& y) {
    for (std::size_t p = 0; p < article_.paragraphs.size; ++p) {
        draw_paragraph(p, l.text_x, y, l.text_w);
        y += 14;
        // On one column, the selected quote's panel opens right under its paragraph.
        const std::int16_t q = selection_.quote();
        if (!l.two_columns && q != kNone &&
            article_.quotes[static_cast<std::size_t>(q)].parts[article_.quotes[static_cast<std::size_t>(q)].parts.size - 1]
                    .range.paragraph == p) {
            draw_panel(l.text_x, y, l.text_w);
            y += 16;
        }
    }
}

void Widget::draw_paragraph(std::size_t p, float x, float& y, float width) {
    const std::string_view text = article_.paragraphs[p];
    const Face face{fonts_.serif, 18.0f};
    const float line_height = 18.0f * 1.6f;
    const TextLayout& layout = text_.get(face, text, width, line_height);
    ImDrawList* draw = draw_list();
    // Quote marks go under the text, then the text, then underlines.
    for (std::size_t q = 0; q < article_.quotes.size; ++q) {
        const Quote& quote = article_.quotes[q];
        const ImU32 color = speaker_color(scheme_, quote.speaker);
        for (const QuotePart& part : quote.parts) {
            if (part.range.paragraph != p) continue;
            for (const Rect& r : range_rects(layout, text, part.range.begin, part.range.end, face.measure())) {
                const Target t{TargetType::Quote, static_cast<std::int16_t>(q), Control::None,
                               {x + r.x, y + r.y, r.w, r.h}};
                targets_.add(t);
                const float base = t.rect.y + t.rect.h - 5;
                if (selection_.marks_quote(q)) {
                    draw->AddRectFilled(v(t.rect.x - 2, t.rect.y + 3), v(t.rect.x + t.rect.w + 2, t.rect.y + t.rect.h - 2),
                                        theme_.quote_mark, 3.0f);
                }
                draw->AddLine(v(t.rect.x, base), v(t.rect.x + t.rect.w, base), color, hovered(t) ? 2.5f : 1.25f);
            }
        }
    }
    const float pad = (line_height - face.size) * 0.5f;
    for (const TextLine& line : layout.lines) {
        draw->AddText(face.font, face.size, v(x, y + line.y + pad), theme_.text, text.data() + line.begin,
                      text.data() + line.end);
    }
    y += layout.height();
}

// [SECTION] Speaker cards ----------------------------------------------------

void Widget::draw_cards(const Layout& l, float& y) {
    if (article_.people.empty()) return;
    const int columns = l.text_w >= 420 ? 2 : 1;
    const float gap = 10;
    const float card_w = (l.text_w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    ImDrawList* draw = draw_list();
    const std::int16_t lit = selection_.speaker();
    for (std::size_t i = 0; i < article_.people.size; ++i) {
        const Person& person = article_.people[i];
        const int col = static_cast<int>(i) % columns;
        const float x = l.text_x + static_cast<float>(col) * (card_w + gap);
        const Target t{TargetType::Speaker, static_cast<std::int16_t>(i), Control::None, {x, y, card_w, kCardHeight}};
        targets_.add(t);
        const ImU32 color = speaker_color(scheme_, i);
        const bool is_lit = lit == static_cast<std::int16_t>(i);
        const bool quoted = person.quoted();
        draw->AddRectFilled(v(x, y), v(x + card_w, y + kCardHeight), is_lit || hovered(t) ? theme_.surface : theme_.page, 6.0f);
        draw->AddRect(v(x, y), v(x + card_w, y + kCardHeight), is_lit ? color : theme_.rule, 6.0f, 0, is_lit ? 2.0f : 1.0f);
        // Avatar: filled for people quoted, an outline for people only mentioned.
        const ImVec2 c(x + 34, y + kCardHeight * 0.5f);
        const std::string initials = person.kind == PersonKind::UnnamedSource ? std::string("?") : monogram(person.name);
        const Face mono{fonts_.sans_bold, 16.0f};
        const float mono_w = mono.width(initials);
        if (quoted) {
            draw->AddCircleFilled(c, 22, color);
            draw->AddText(mono.font, mono.size, v(c.x - mono_w * 0.5f, c.y - mono.size * 0.68f), theme_.page, initials.c_str());
        } else {
            draw->AddCircle(c, 21, theme_.muted, 0, 1.5f);
            draw->AddText(mono.font, mono.size, v(c.x - mono_w * 0.5f, c.y - mono.size * 0.68f), theme_.muted, initials.c_str());
        }
        const float tx = x + 66, tw = card_w - 74;
        const Face name{fonts_.sans_bold, 15.0f};
        const Face small{fonts_.sans, 13.0f};
        std::string role(person.role);
        if (!person.affiliation.empty()) role += (role.empty() ? "" : ", ") + std::string(person.affiliation);
        draw_line(name, tx, y + 10, tw, person.name, theme_.text);
        // The role takes two lines at most; the second ends with an ellipsis if need be.
        const TextLayout& role_layout = text_.get(small, role, tw, 17.0f);
        for (std::size_t k = 0; k < role_layout.lines.size() && k < 2; ++k) {
            const TextLine& line = role_layout.lines[k];
            const std::string_view rest = std::string_view(role).substr(line.begin, k == 1 ? std::string::npos : line.end - line.begin);
            draw_line(small, tx, y + 31 + 17.0f * static_cast<float>(k), tw, rest, theme_.muted);
        }
        const std::string count = quote_count_label(person);
        draw_line(small, tx, y + kCardHeight - 25, tw, count, quoted ? theme_.text : theme_.muted);
        if (col == columns - 1 || i + 1 == article_.people.size) y += kCardHeight + gap;
    }
    y += 10;
}

// [SECTION] Panel and quote list ----------------------------------------------

void Widget::draw_panel(float x, float& y, float width) {
    const Selection s = selection_.current();
    if (s.empty()) return;
    ImDrawList* draw = draw_list();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float pad = 16, top = y, inner = width - 2 * pad;
    float cy = y + pad + 4;
    const Face name{fonts_.sans_bold, 15.0f};
    const Face small{fonts_.sans, 13.0f};
    const Face quote_face{fonts_.serif, 19.0f};
    const Face context_face{fonts_.serif, 15.0f};
    ImU32 stripe = theme_.accent;

    if (s.type == TargetType::Quote) {
        const Quote& q = article_.quotes[static_cast<std::size_t>(s.index)];
        const Person& who = article_.people[q.speaker];
        stripe = speaker_color(scheme_, q.speaker);
        std::string words = "“";
        for (std::size_t i = 0; i < q.parts.size; ++i) words += (i ? " … " : "") + std::string(q.parts[i].text);
        words += "”";
        cy += draw_wrapped(text_, quote_face, x + pad, cy, inner, words, theme_.text, 1.45f) + 8;
        std::string by = "— " + std::string(who.name);
        if (who.kind == PersonKind::UnnamedSource) by += " (unnamed in the article)";
        else if (!who.role.empty()) by += ", " + std::string(who.role);
        cy += draw_wrapped(text_, name, x + pad, cy, inner, by, theme_.text, 1.4f) + 10;
        if (q.context.end > q.context.begin) {
            cy += draw_wrapped(text_, small, x + pad, cy, inner, "In context", theme_.muted, 1.4f);
            cy += draw_wrapped(text_, context_face, x + pad, cy, inner, range_text(article_, q.context), theme_.muted, 1.5f) + 8;
        }
        if (q.place != kNone) {
            const Place& place = article_.places[static_cast<std::size_t>(q.place)];
            cy += draw_wrapped(text_, small, x + pad, cy, inner, "Place: " + std::string(place.name) + " (shown on the map)", theme_.muted, 1.4f) + 6;
        }
    } else if (s.type == TargetType::Speaker) {
        const Person& who = article_.people[static_cast<std::size_t>(s.index)];
        stripe = speaker_color(scheme_, static_cast<std::size_t>(s.index));
        cy += draw_wrapped(text_, name, x + pad, cy, inner, who.name, theme_.text, 1.4f);
        if (!who.role.empty()) cy += draw_wrapped(text_, small, x + pad, cy, inner, who.role, theme_.muted, 1.4f);
        cy += 8;
        if (!who.quoted()) {
            cy += draw_wrapped(text_, context_face, x + pad, cy, inner, "Mentioned in the article, not quoted.", theme_.muted, 1.5f) + 6;
        }
        for (std::size_t i = 0; i < article_.quotes.size; ++i) {
            const Quote& q = article_.quotes[i];
            if (q.speaker != static_cast<std::uint16_t>(s.index)) continue;
            const std::string words = "“" + std::string(q.parts[0].text) + (q.parts.size > 1 ? " …”" : "”");
            const float h = std::max(kButtonHeight, layout_text(words, inner - 12, 15.0f * 1.45f, context_face.measure()).height() + 12);
            const Target t{TargetType::Quote, static_cast<std::int16_t>(i), Control::None, {x + pad, cy, inner, h}};
            targets_.add(t);
            if (hovered(t)) draw->AddRectFilled(v(t.rect.x, t.rect.y), v(t.rect.x + t.rect.w, t.rect.y + t.rect.h), theme_.page, 4.0f);
            draw->AddLine(v(x + pad, cy + 6), v(x + pad, cy + h - 6), stripe, 2.0f);
            draw_wrapped(text_, context_face, x + pad + 12, cy + 6, inner - 12, words, theme_.text, 1.45f);
            cy += h + 4;
        }
    } else if (s.type == TargetType::Place) {
        const Place& place = article_.places[static_cast<std::size_t>(s.index)];
        cy += draw_wrapped(text_, name, x + pad, cy, inner, place.name, theme_.text, 1.4f);
        if (!place.detail.empty()) cy += draw_wrapped(text_, small, x + pad, cy, inner, place.detail, theme_.muted, 1.4f);
        if (!place.date.empty()) cy += draw_wrapped(text_, small, x + pad, cy, inner, place.date, theme_.muted, 1.4f);
        if (!place.note.empty()) cy += 6 + draw_wrapped(text_, context_face, x + pad, cy + 6, inner, place.note, theme_.text, 1.5f);
        cy += 8;
    }

    // Buttons: copy a link to this selection, close.
    const Face button{fonts_.sans_bold, 14.0f};
    float bx = x + pad;
    for (Control c : {Control::CopyLink, Control::ClosePanel}) {
        const char* label = c == Control::CopyLink ? "Copy link" : "Close";
        const float w = button.width(label) + 28;
        const Target t{TargetType::None, kNone, c, {bx, cy, w, kButtonHeight}};
        targets_.add(t);
        draw->AddRect(v(bx, cy), v(bx + w, cy + kButtonHeight), hovered(t) ? theme_.text : theme_.rule, 22.0f, 0, 1.0f);
        draw->AddText(button.font, button.size, v(bx + 14, cy + (kButtonHeight - button.size) * 0.45f), theme_.text, label);
        bx += w + 10;
    }
    cy += kButtonHeight + pad;

    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(v(x, top), v(x + width, cy), theme_.surface, 8.0f);
    draw->AddRectFilled(v(x, top), v(x + width, top + 4), stripe, 8.0f, ImDrawFlags_RoundCornersTop);
    draw->ChannelsMerge();
    y = cy;
}

void Widget::draw_quote_list(const Layout& l, float& y) {
    const Face label{fonts_.sans_bold, 13.0f};
    const Face quote_face{fonts_.serif, 16.0f};
    ImDrawList* draw = draw_list();
    y += draw_wrapped(text_, label, l.text_x, y, l.text_w, "QUOTES", theme_.muted, 1.4f) + 6;
    for (std::size_t i = 0; i < article_.quotes.size; ++i) {
        const Quote& q = article_.quotes[i];
        const Person& who = article_.people[q.speaker];
        std::string words = "“";
        for (std::size_t k = 0; k < q.parts.size; ++k) words += (k ? " … " : "") + std::string(q.parts[k].text);
        words += "”";
        const float inner = l.text_w - 16;
        const TextLayout& layout = text_.get(quote_face, words, inner, 16.0f * 1.45f);
        const float h = std::max(kButtonHeight, layout.height() + 30);
        const Target t{TargetType::Quote, static_cast<std::int16_t>(i), Control::None, {l.text_x, y, l.text_w, h}};
        targets_.add(t);
        const bool marked = selection_.marks_quote(i);
        if (marked || hovered(t)) draw->AddRectFilled(v(t.rect.x, t.rect.y), v(t.rect.x + t.rect.w, t.rect.y + h), marked ? theme_.quote_mark : theme_.surface, 4.0f);
        draw->AddLine(v(l.text_x + 2, y + 6), v(l.text_x + 2, y + h - 6), speaker_color(scheme_, q.speaker), 3.0f);
        draw_wrapped(text_, quote_face, l.text_x + 14, y + 4, inner, words, theme_.text, 1.45f);
        draw->AddText(fonts_.sans, 13.0f, v(l.text_x + 14, y + layout.height() + 8), theme_.muted, who.name.data(), who.name.data() + who.name.size());
        y += h + 6;
        if (selection_.quote() == static_cast<std::int16_t>(i)) {
            draw_panel(l.text_x, y, l.text_w);
            y += 10;
        }
    }
}

void Widget::draw_focus_ring() {
    if (!focus_visible_ || !has_focus_) return;
    for (const Target& t : targets_.items()) {
        if (!t.same_item(focus_)) continue;
        draw_list()->AddRect(v(t.rect.x - 3, t.rect.y - 3), v(t.rect.x + t.rect.w + 3, t.rect.y + t.rect.h + 3),
                             theme_.accent, 4.0f, 0, 2.5f);
    }
}

}  // namespace dateline
