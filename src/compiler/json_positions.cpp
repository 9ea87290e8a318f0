#include "compiler/json_positions.h"

#include <map>

namespace dateline {
namespace {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// A tokenizer for text already known to be valid JSON: it checks nothing,
// but never reads past the end, whatever it is given.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {
        if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // nlohmann skips a BOM too
    }

    std::size_t pos() const { return pos_; }
    bool done() const { return pos_ >= text_.size(); }
    char peek() const { return done() ? '\0' : text_[pos_]; }
    void advance() { ++pos_; }

    void skip_space() {
        while (!done() && is_space(text_[pos_])) ++pos_;
    }

    // Reads the string at the current '"' and returns its decoded value.
    std::string read_string() {
        std::string out;
        ++pos_;
        while (!done() && text_[pos_] != '"') {
            if (text_[pos_] != '\\') {
                out += text_[pos_++];
                continue;
            }
            ++pos_;
            const char escape = peek();
            ++pos_;
            switch (escape) {
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    char32_t cp = read_hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && pos_ + 2 <= text_.size() &&
                        text_.compare(pos_, 2, "\\u") == 0) {
                        pos_ += 2;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (read_hex4() - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    out += escape;  // " \ /
            }
        }
        ++pos_;
        return out;
    }

    // Skips the rest of the array or object whose opening bracket was just read.
    void skip_container() {
        std::size_t depth = 1;
        while (!done() && depth > 0) {
            const char c = text_[pos_];
            if (c == '"') {
                read_string();
                continue;
            }
            if (c == '[' || c == '{') ++depth;
            if (c == ']' || c == '}') --depth;
            ++pos_;
        }
    }

    // Skips a number, true, false or null.
    void skip_scalar() {
        while (!done() && !is_space(text_[pos_]) && text_[pos_] != ',' && text_[pos_] != ']' &&
               text_[pos_] != '}') {
            ++pos_;
        }
    }

private:
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

    char32_t read_hex4() {
        char32_t value = 0;
        for (int k = 0; k < 4 && !done(); ++k, ++pos_) {
            const char c = text_[pos_];
            value = value * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return value & 0x1FFFFF;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

constexpr std::size_t kMaxIndexedDepth = 32;

struct Container {
    bool is_object = false;
    std::string pointer;
    std::size_t count = 0;
    std::map<std::string, std::size_t> keys;  // key -> offset of its first appearance
};

}  // namespace

std::string json_pointer(const std::string& parent, std::string_view key) {
    std::string out = parent + "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string json_pointer(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

std::string json_pointer_parent(const std::string& pointer) {
    const std::size_t slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

// Iterative, so a deeply nested document cannot overflow the stack.
JsonPositions JsonPositions::index(std::string_view text) {
    JsonPositions positions;
    Scanner s(text);
    std::vector<Container> open;
    std::string pointer;  // of the value about to be read
    std::size_t key = npos;

    // Reads `"name":` and points at the member's value.
    const auto read_key = [&](Container& object) {
        key = s.pos();
        const std::string name = s.read_string();
        s.skip_space();
        s.advance();  // ':'
        s.skip_space();
        pointer = json_pointer(object.pointer, name);
        const auto [first, inserted] = object.keys.emplace(name, key);
        if (!inserted) positions.duplicate_keys_.push_back({name, pointer, first->second, key});
    };

    bool expect_value = true;
    s.skip_space();
    while (!s.done()) {
        if (expect_value) {
            positions.entries_[pointer] = {s.pos(), key};
            const char c = s.peek();
            expect_value = false;
            if ((c == '{' || c == '[') && open.size() >= kMaxIndexedDepth) {
                // No article value lives this deep, and indexing it would cost
                // memory quadratic in the depth (every pointer holds its path).
                s.advance();
                s.skip_container();
            } else if (c == '{' || c == '[') {
                s.advance();
                open.push_back({c == '{', pointer, 0, {}});
                s.skip_space();
                if (s.peek() == '}' || s.peek() == ']') {
                    s.advance();
                    open.pop_back();
                } else {
                    if (c == '{') {
                        read_key(open.back());
                    } else {
                        pointer = json_pointer(open.back().pointer, std::size_t{0});
                        key = npos;
                    }
                    expect_value = true;
                    continue;
                }
            } else if (c == '"') {
                s.read_string();
            } else {
                s.skip_scalar();
            }
        }
        // After a value: a comma and the next member, or the container's end.
        s.skip_space();
        if (open.empty()) break;
        Container& top = open.back();
        const char c = s.peek();
        s.advance();
        if (c != ',') {
            open.pop_back();  // '}' or ']'
            continue;
        }
        s.skip_space();
        ++top.count;
        if (top.is_object) {
            read_key(top);
        } else {
            pointer = json_pointer(top.pointer, top.count);
            key = npos;
        }
        expect_value = true;
    }
    return positions;
}

std::size_t JsonPositions::value_offset(const std::string& pointer) const {
    const auto it = entries_.find(pointer);
    return it == entries_.end() ? npos : it->second.value;
}

std::size_t JsonPositions::key_offset(const std::string& pointer) const {
    const auto it = entries_.find(pointer);
    return it == entries_.end() ? npos : it->second.key;
}

}  // namespace dateline
