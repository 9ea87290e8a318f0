// Where each value of a JSON document sits in its source text, by JSON Pointer.
//
// nlohmann/json 3.11 keeps no source positions. After it has parsed a file
// successfully, JsonPositions::index() scans the same text once with a tiny
// tokenizer and records, for every JSON Pointer, the byte offset of the value
// and, for object members, of the key. It also reports duplicate keys, which
// nlohmann silently resolves by keeping the last one. Values nested deeper
// than 32 levels are not indexed: errors about them point at an ancestor.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline {

// "/quotes" + "3" -> "/quotes/3"; "~" and "/" in keys are escaped (RFC 6901).
std::string json_pointer(const std::string& parent, std::string_view key);
std::string json_pointer(const std::string& parent, std::size_t index);
// "/quotes/3/speaker" -> "/quotes/3"; "" stays "".
std::string json_pointer_parent(const std::string& pointer);

struct DuplicateKey {
    std::string key;
    std::string pointer;        // of the member
    std::size_t first_key = 0;  // byte offset of the key's first appearance
    std::size_t repeated = 0;   // byte offset of the repeated key
};

class JsonPositions {
public:
    static constexpr std::size_t npos = std::string_view::npos;

    // `text` must be a complete JSON document that nlohmann/json accepted.
    static JsonPositions index(std::string_view text);

    // Byte offset of the value at `pointer`, or npos when there is none.
    std::size_t value_offset(const std::string& pointer) const;
    // Byte offset of the key of the member at `pointer`, or npos (array
    // items and the root have no key).
    std::size_t key_offset(const std::string& pointer) const;

    const std::vector<DuplicateKey>& duplicate_keys() const { return duplicate_keys_; }

private:
    struct Entry {
        std::size_t value = npos;
        std::size_t key = npos;
    };
    std::unordered_map<std::string, Entry> entries_;
    std::vector<DuplicateKey> duplicate_keys_;
};

}  // namespace dateline
