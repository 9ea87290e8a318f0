#include "compiler/parse_json.h"

namespace dateline {
namespace {

using nlohmann::json;

// nlohmann's DOM builder, keeping where parsing failed: json::parse() throws
// out_of_range for a number too large for a double ("1e400") without any
// position, while every SAX parse_error() call carries one.
class LocatingParser : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    explicit LocatingParser(json& result) : json_sax_dom_parser(result, false) {}

    bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& e) {
        failed_ = true;
        position_ = position;
        id_ = e.id;
        what_ = e.what();
        return false;
    }

    bool failed() const { return failed_; }
    std::size_t position() const { return position_; }  // bytes read when it failed
    int id() const { return id_; }
    const std::string& what() const { return what_; }

private:
    bool failed_ = false;
    std::size_t position_ = 0;
    int id_ = 0;
    std::string what_;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool ends_value(char c) {
    return c == '"' || c == '}' || c == ']' || (c >= '0' && c <= '9') || c == 'e' || c == 'l';
}

bool is_blank(std::string_view text) {
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
    for (char c : text) {
        if (!is_space(c)) return false;
    }
    return true;
}

// nlohmann reports the last byte it read; for a complete token that does not
// belong there the author needs the token's first byte instead.
std::size_t token_start(std::string_view text, std::size_t last) {
    if (last >= text.size()) return last;
    std::size_t i = last;
    if (text[i] == '"') {
        while (i > 0) {
            --i;
            if (text[i] != '"') continue;
            std::size_t backslashes = 0;
            while (i > backslashes && text[i - backslashes - 1] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return 0;
    }
    const auto in_literal = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
               c == '+' || c == '-';
    };
    while (i > 0 && in_literal(text[i]) && in_literal(text[i - 1])) --i;
    return i;
}

// nlohmann's explanation without its "[json.exception…] parse error at …:" prefix.
std::string explanation(const std::string& what) {
    std::size_t start = what.find("] ");
    start = start == std::string::npos ? 0 : start + 2;
    const std::string prefix = "parse error";
    if (what.compare(start, prefix.size(), prefix) == 0) {
        const std::size_t colon = what.find(": ", start);
        if (colon != std::string::npos) start = colon + 2;
    }
    return what.substr(start);
}

std::string hint(std::string_view text, std::size_t at, bool unexpected_token) {
    if (is_blank(text)) return "the file is empty: an article is a JSON object, {\"slug\": …}";
    if (at >= text.size()) return "the file ends too early: a closing '}', ']' or '\"' is missing";
    std::size_t before = at;
    while (before > 0 && is_space(text[before - 1])) --before;
    const char previous = before > 0 ? text[before - 1] : '\0';
    const char c = text[at];
    if ((c == '}' || c == ']') && previous == ',') {
        return std::string("remove the comma before this '") + c + "': JSON allows no trailing comma";
    }
    if (unexpected_token && ends_value(previous)) return "a comma is missing before this";
    if (c == '/') return "JSON has no comments: remove the comment";
    if (c == '\'') return "JSON strings use double quotes (\"), not single quotes";
    if (c == '\n' || c == '\r') {
        return "a string must end on the line where it starts: add the missing closing quotation mark, or "
               "remove the line break";
    }
    return "check for a missing comma, colon, quotation mark or bracket just before this point";
}

}  // namespace

bool parse_json(const std::string& file, std::string_view text, const TextLocator& locator, json& out,
                Diagnostics& diagnostics) {
    try {
        LocatingParser parser(out);
        json::sax_parse(text.data(), text.data() + text.size(), &parser);
        if (!parser.failed()) return true;
        const std::string detail = explanation(parser.what());
        const bool number_overflow = parser.id() == 406;
        const bool unexpected_token =
            number_overflow || (detail.find("unexpected") != std::string::npos &&
                                detail.find("unexpected end of input") == std::string::npos);
        std::size_t at = parser.position() > 0 ? parser.position() - 1 : 0;
        if (unexpected_token) at = token_start(text, at);
        if (is_blank(text)) at = 0;
        const TextLocation where = locator.locate(at);
        const std::string fix = number_overflow ? "write a number between -1.7e308 and 1.7e308"
                                                : hint(text, at, unexpected_token);
        diagnostics.items.push_back(
            {file, where.line, where.column, "", "invalid JSON: " + detail + "; " + fix});
    } catch (const std::exception& e) {
        // sax_parse reports errors through parse_error(); this is a last resort.
        diagnostics.items.push_back({file, 0, 0, "", std::string("invalid JSON: ") + e.what()});
    }
    return false;
}

}  // namespace dateline
