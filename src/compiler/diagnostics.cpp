#include "compiler/diagnostics.h"

namespace dateline {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": error: ";
    if (!pointer.empty()) out += "at " + pointer + ": ";
    out += message;
    return out;
}

}  // namespace dateline
