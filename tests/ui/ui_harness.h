// Runs the real Widget in a headless Dear ImGui context (no GPU): fonts come
// from the system's Noto files, textures are acknowledged without uploading,
// and input goes through io.Add*Event exactly as the platform layer sends it.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "widget/widget.h"

namespace dateline::testing {

class UiHarness {
public:
    UiHarness(const Article& article, Mode mode, float width, float height = 2000, Span<std::uint8_t> map = {});
    ~UiHarness();
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // Builds and renders one frame; returns the widget's content height.
    float frame();
    void resize(float width, float height);
    void move(float x, float y);
    void click(float x, float y);
    // Clicks the centre of the first target of an item.
    void click(const Target& t) { click(t.rect.x + t.rect.w * 0.5f, t.rect.y + t.rect.h * 0.5f); }
    bool key(Key k, bool shift = false);

    Widget& widget() { return *widget_; }
    const Target* find(TargetType type, std::int16_t index) const;
    const Target* find(Control control) const;
    ImDrawData* draw_data() { return ImGui::GetDrawData(); }
    float width() const { return width_; }

private:
    std::vector<std::string> font_files_;
    ImGuiContext* context_ = nullptr;
    Widget* widget_ = nullptr;
    float width_, height_;
    double time_ = 0;
};

}  // namespace dateline::testing
