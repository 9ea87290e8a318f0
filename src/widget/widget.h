// The whole reading experience for one article: layout, drawing, pointer and
// keyboard interaction, selection. Knows ImGui and article/, nothing of the
// web: the platform layer feeds it input and asks it for frames.
#pragma once

#include <string>
#include <vector>

#include "article/article.h"
#include "article/selection.h"
#include "widget/fonts.h"
#include "widget/map_pane.h"
#include "widget/targets.h"
#include "widget/text_cache.h"
#include "widget/theme.h"

namespace dateline {

enum class Mode { Full, Companion };

enum class Key { Tab, Enter, Space, Escape, Left, Right, Up, Down, Plus, Minus };

class Widget {
public:
    Widget(const Article& article, const Fonts& fonts, Mode mode, Span<std::uint8_t> map = {});

    // Builds one ImGui frame over the whole display (between NewFrame and
    // Render). Returns the CSS height the content needs at this width: the
    // host sizes the canvas to it so the page, not the widget, scrolls.
    float frame(ColorScheme scheme, double time_s);

    // Keys arrive synchronously from the DOM event so the platform can decide
    // on preventDefault: true means the widget used the key.
    bool key(Key key, bool shift);
    // Wheel over the widget: only a deliberate zoom (ctrl/cmd) over the map is used.
    bool wheel(float x, float y, float delta_y, bool zoom_modifier);
    // Two fingers on the touch screen (pinch and pan). Returns true while the
    // gesture belongs to the map; otherwise the browser keeps it (page zoom).
    bool pinch(bool active, float x0, float y0, float x1, float y1);
    // The widget gained or lost keyboard focus.
    void focus(bool focused);
    // Shows the focus ring on an item without selecting it (the DOM mirror's focus).
    void focus_item(Selection s);
    // prefers-reduced-motion: selections jump instead of flying.
    void set_reduced_motion(bool reduced) { map_.set_reduced_motion(reduced); }

    void select(Selection s);
    const SelectionState& selection() const { return selection_; }
    // True once after the selection changed (the host then notifies the page).
    bool take_selection_change();
    // True once after the reader asked to copy a link to the selection.
    bool take_copy_request();
    // True while something animates (the host keeps requesting frames).
    bool animating() const { return map_.animating(); }
    // Idle-time work, one bounded step per call; false when there is none left.
    bool prepare() { return map_.prepare(); }

    const TargetList& targets() const { return targets_; }
    Mode mode() const { return mode_; }
    const Article& article() const { return article_; }

private:
    struct Layout;
    void handle_pointer();
    void activate(const Target& t);
    void draw_header(const Layout& l, float& y);
    void draw_body(const Layout& l, float& y);
    void draw_paragraph(std::size_t p, float x, float& y, float width);
    void draw_cards(const Layout& l, float& y);
    void draw_panel(float x, float& y, float width);
    void draw_quote_list(const Layout& l, float& y);
    void draw_focus_ring();
    bool hovered(const Target& t) const;
    bool focused_item(const Target& t) const;

    const Article& article_;
    Fonts fonts_;
    Mode mode_;
    Theme theme_{};
    ColorScheme scheme_ = ColorScheme::Light;
    SelectionState selection_;
    TargetList targets_;
    TextCache text_;
    MapPane map_;

    Target hover_{};
    Target pressed_{};
    Target focus_{};  // keyboard focus; type None + control None = nothing
    bool focus_visible_ = false;
    bool has_focus_ = false;
    bool selection_changed_ = false;
    bool copy_requested_ = false;
    bool dragging_map_ = false;
    bool pinching_ = false;
    float pinch_x_ = 0, pinch_y_ = 0, pinch_dist_ = 0;
};

}  // namespace dateline
