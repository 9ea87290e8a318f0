// Byte offsets in a source file -> 1-based line:column, with columns counted
// in characters as editors show them (a UTF-8 "é" is one column, a tab is one).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace dateline {

struct TextLocation {
    int line = 0;
    int column = 0;
};

class TextLocator {
public:
    // `text` must outlive the locator.
    explicit TextLocator(std::string_view text);

    // Offsets past the end locate the end of the text.
    TextLocation locate(std::size_t offset) const;

private:
    // Characters before `offset`, from the nearest checkpoint: a locate costs
    // at most kStride steps however long the line, so 100,000 errors on one
    // minified line are located in linear time, not quadratic.
    std::size_t chars_before(std::size_t offset) const;

    static constexpr std::size_t kStride = 256;
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::size_t> checkpoints_;  // characters before byte k * kStride
};

}  // namespace dateline
