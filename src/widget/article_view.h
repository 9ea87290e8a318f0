// The article as the reader sees it on the canvas.
#pragma once

#include "article/article.h"
#include "widget/fonts.h"
#include "widget/theme.h"

namespace dateline {

class ArticleView {
public:
    ArticleView(const Article& article, const Fonts& fonts) : article_(article), fonts_(fonts) {}

    // Builds one ImGui frame's worth of drawing over the whole display
    // (between NewFrame and Render). Returns the height, in CSS pixels, the
    // content needs at the current width, so the host can size the canvas to
    // it and let the page do the scrolling.
    float draw(ColorScheme scheme);

private:
    const Article& article_;
    Fonts fonts_;
};

}  // namespace dateline
