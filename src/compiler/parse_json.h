// Text -> nlohmann::json, with syntax errors turned into diagnostics that say
// where the error is and what usually causes it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "compiler/diagnostics.h"
#include "compiler/text_locator.h"

namespace dateline {

// On a syntax error, adds one diagnostic (JSON has no recovery point after
// one) and returns false. `text` must be valid UTF-8.
bool parse_json(const std::string& file, std::string_view text, const TextLocator& locator,
                nlohmann::json& out, Diagnostics& diagnostics);

}  // namespace dateline
