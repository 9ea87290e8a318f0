#include "widget/targets.h"

namespace dateline {

const char* control_name(Control c) {
    switch (c) {
        case Control::Map: return "map";
        case Control::ZoomIn: return "zoom-in";
        case Control::ZoomOut: return "zoom-out";
        case Control::ResetView: return "reset-view";
        case Control::CopyLink: return "copy-link";
        case Control::ClosePanel: return "close-panel";
        case Control::None: break;
    }
    return "";
}

const Target* TargetList::hit(float x, float y) const {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
        if (it->rect.contains(x, y)) return &*it;
    }
    return nullptr;
}

int TargetList::order_of(const Target& t) const {
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (items_[i].same_item(t)) return static_cast<int>(i);
    }
    return -1;
}

int TargetList::step(int from, int direction) const {
    const int n = static_cast<int>(items_.size());
    int i = from;
    while (true) {
        i = (from < 0) ? (direction > 0 ? 0 : n - 1) : i + direction;
        from = i;
        if (i < 0 || i >= n) return -1;
        // The first rect of an item is its Tab stop.
        if (order_of(items_[static_cast<std::size_t>(i)]) == i) return i;
    }
}

}  // namespace dateline
