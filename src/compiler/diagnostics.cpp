#include "compiler/diagnostics.h"

#include <cstdio>

namespace dateline {
namespace {

// A pointer holds the author's keys verbatim; keep control characters in
// them from reaching the terminal.
std::string printable(const std::string& s) {
    std::string out;
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": error: ";
    if (!pointer.empty()) out += "at " + printable(pointer) + ": ";
    out += message;
    return out;
}

}  // namespace dateline
