// Errors found in an article file. Each names the file, the line:column and
// the JSON Pointer of the offending value, and says how to fix it; all errors
// of a file are collected in one run rather than stopping at the first.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dateline {

struct Diagnostic {
    std::string file;
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based, in characters
    std::string pointer;  // JSON Pointer, "" for the whole document
    std::string message;
    // Point at the member's key rather than its value: for unknown and
    // repeated keys the key is what the author must change.
    bool at_key = false;

    // One line for a terminal: "file:line:col: error: at /pointer: message".
    std::string format() const;
    // For `--format=json`: file, line, column, pointer, severity, message, hint.
    nlohmann::json to_json() const;
};

struct Diagnostics {
    std::vector<Diagnostic> items;
    bool empty() const { return items.empty(); }
};

}  // namespace dateline
