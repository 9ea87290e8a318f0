#include "compiler/did_you_mean.h"

#include <algorithm>

#include "compiler/utf8.h"

namespace dateline {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive Levenshtein distance over bytes.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitute = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Names are short; a long word is no typo of one, and must not cost much.
    if (word.empty() || word.size() > 64) return {};
    const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
    std::string_view best;
    std::size_t best_distance = allowed + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t gap =
            candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
        if (gap > allowed || candidate == word) continue;
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance && distance < candidate.size()) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best.empty() ? std::string() : "; did you mean " + utf8::quoted(best) + "?";
}

}  // namespace dateline
