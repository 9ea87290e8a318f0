#include "compiler/diagnostics.h"

#include "compiler/utf8.h"

namespace dateline {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": error: ";
    if (!pointer.empty()) out += "at " + pointer + ": ";
    out += message;
    // File names, keys and quoted text are the author's: nothing in them may
    // steer the terminal or reorder the line.
    return utf8::terminal_safe(out);
}

nlohmann::json Diagnostic::to_json() const {
    // Every message is "what is wrong; how to fix it".
    const std::size_t cut = message.find("; ");
    nlohmann::json d = {
        {"file", file},
        {"line", line},
        {"column", column},
        {"pointer", pointer},
        {"severity", "error"},
        {"message", message.substr(0, cut)},
        {"hint", cut == std::string::npos ? std::string() : message.substr(cut + 2)},
    };
    return d;
}

}  // namespace dateline
