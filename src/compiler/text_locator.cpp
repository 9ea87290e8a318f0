#include "compiler/text_locator.h"

#include <algorithm>

namespace dateline {

namespace {

bool starts_character(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

}  // namespace

TextLocator::TextLocator(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    checkpoints_.reserve(text.size() / kStride + 1);
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kStride == 0) checkpoints_.push_back(chars);
        if (starts_character(text[i])) ++chars;
        if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (text.size() % kStride == 0) checkpoints_.push_back(chars);
}

std::size_t TextLocator::chars_before(std::size_t offset) const {
    const std::size_t k = offset / kStride;
    std::size_t chars = checkpoints_[k];
    for (std::size_t i = k * kStride; i < offset; ++i) {
        if (starts_character(text_[i])) ++chars;
    }
    return chars;
}

TextLocation TextLocator::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next_line - line_starts_.begin());
    std::size_t start = line_starts_[line - 1];
    // Editors do not show a byte order mark, so it takes no column.
    if (start == 0 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0 && offset >= 3) start = 3;
    const std::size_t column = 1 + chars_before(offset) - chars_before(start);
    return {static_cast<int>(line), static_cast<int>(column)};
}

}  // namespace dateline
