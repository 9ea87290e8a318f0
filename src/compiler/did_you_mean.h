// Suggestions for near misses: a misspelt field name, reference or keyword.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// "; did you mean "headline"?" when one of `candidates` is close enough to
// `word` to be a typo (or differs only in case), else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace dateline
