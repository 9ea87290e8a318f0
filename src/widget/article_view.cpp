#include "widget/article_view.h"

#include <algorithm>

#include <imgui.h>

namespace dateline {
namespace {

constexpr float kMaxMeasure = 680.0f;  // ~70 characters of 18px serif per line
constexpr float kMargin = 20.0f;

void wrapped(ImFont* font, float size, ImU32 color, std::string_view text) {
    ImGui::PushFont(font, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

}  // namespace

float ArticleView::draw(ColorScheme scheme) {
    const Theme& theme = theme_for(scheme);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kPage = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("article", nullptr, kPage);

    const float width = std::min(kMaxMeasure, viewport->Size.x - 2 * kMargin);
    const float left = std::max(kMargin, (viewport->Size.x - width) * 0.5f);
    ImGui::SetCursorPos(ImVec2(left, kMargin));
    ImGui::PushTextWrapPos(left + width);
    ImGui::BeginGroup();
    const float headline_size = viewport->Size.x < 600 ? 28.0f : 36.0f;
    wrapped(fonts_.serif_bold, headline_size, theme.text, article_.headline);
    ImGui::Dummy(ImVec2(0, 10));
    if (!article_.dek.empty()) {
        wrapped(fonts_.serif, 20.0f, theme.muted, article_.dek);
        ImGui::Dummy(ImVec2(0, 12));
    }
    if (!article_.dateline.empty()) {
        wrapped(fonts_.serif_bold, 15.0f, theme.muted, article_.dateline);
        ImGui::Dummy(ImVec2(0, 8));
    }
    if (!article_.paragraphs.empty()) wrapped(fonts_.serif, 18.0f, theme.text, article_.paragraphs[0]);
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    const float content_height = ImGui::GetItemRectMax().y - viewport->Pos.y + kMargin;
    ImGui::End();
    return content_height;
}

}  // namespace dateline
