#include "compiler/emit_html.h"

namespace dateline {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string emit_article_html(const Article& a) {
    std::string o = "<article class=\"dateline-article\" lang=\"" + escape_html(a.language) + "\">\n";
    o += "<h1>" + escape_html(a.headline) + "</h1>\n";
    if (!a.dek.empty()) o += "<p class=\"dateline-dek\">" + escape_html(a.dek) + "</p>\n";
    if (!a.byline.empty() || !a.dateline.empty()) {
        o += "<p class=\"dateline-byline\">";
        if (!a.byline.empty()) o += escape_html(a.byline);
        if (!a.byline.empty() && !a.dateline.empty()) o += " · ";
        if (!a.dateline.empty()) o += escape_html(a.dateline);
        if (!a.published.empty()) {
            o += " · <time datetime=\"" + escape_html(a.published) + "\">" +
                 escape_html(a.published) + "</time>";
        }
        o += "</p>\n";
    }
    for (auto p : a.paragraphs) o += "<p>" + escape_html(p) + "</p>\n";
    o += "</article>\n";
    return o;
}

std::string emit_page(std::string_view page_template, const Article& a) {
    const std::pair<std::string_view, std::string> fills[] = {
        {"{{LANG}}", escape_html(a.language)},
        {"{{TITLE}}", escape_html(a.headline)},
        {"{{DESCRIPTION}}", escape_html(a.dek)},
        {"{{ARTICLE}}", emit_article_html(a)},
    };
    std::string out;
    std::size_t i = 0;
    while (i < page_template.size()) {
        bool filled = false;
        for (const auto& [key, value] : fills) {
            if (page_template.compare(i, key.size(), key) == 0) {
                out += value;
                i += key.size();
                filled = true;
                break;
            }
        }
        if (!filled) out += page_template[i++];
    }
    return out;
}

}  // namespace dateline
