// Interactive targets: everything the reader can point at, tap or Tab to.
// Rebuilt every frame in reading order; the same list drives hit testing,
// keyboard focus, the JS `targets()` API and the browser tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "article/selection.h"
#include "article/text_layout.h"

namespace dateline {

enum class Control : std::uint8_t { None, Map, ZoomIn, ZoomOut, ResetView, CopyLink, ClosePanel };

const char* control_name(Control c);  // "zoom-in", ...

struct Target {
    TargetType type = TargetType::None;  // None for controls
    std::int16_t index = kNone;
    Control control = Control::None;
    Rect rect;  // CSS px, canvas coordinates; a quote across lines has one target per line

    bool same_item(const Target& o) const {
        return type == o.type && index == o.index && control == o.control;
    }
};

class TargetList {
public:
    void clear() { items_.clear(); }
    void add(const Target& t) { items_.push_back(t); }
    const std::vector<Target>& items() const { return items_; }

    // Topmost target under a point (later targets are drawn above earlier ones).
    const Target* hit(float x, float y) const;
    // Position in Tab order of the item `t` belongs to (first rect), or -1.
    int order_of(const Target& t) const;
    // The item `step` places after/before position `from` in Tab order,
    // skipping the extra rects of multi-line quotes; -1 past either end.
    int step(int from, int step) const;

private:
    std::vector<Target> items_;
};

}  // namespace dateline
