#include "compiler/text_locator.h"

#include <algorithm>

namespace dateline {

TextLocator::TextLocator(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
}

TextLocation TextLocator::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next_line - line_starts_.begin());
    std::size_t start = line_starts_[line - 1];
    // Editors do not show a byte order mark, so it takes no column.
    if (start == 0 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0 && offset >= 3) start = 3;
    int column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return {static_cast<int>(line), column};
}

}  // namespace dateline
