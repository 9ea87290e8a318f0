#include "compiler/json_positions.h"

#include <gtest/gtest.h>

#include <string>

#include "compiler/text_locator.h"

namespace dateline {
namespace {

// The 1-based "line:column" of the value (or key) at `pointer`.
std::string where(const std::string& text, const std::string& pointer, bool key = false) {
    const JsonPositions positions = JsonPositions::index(text);
    const std::size_t offset = key ? positions.key_offset(pointer) : positions.value_offset(pointer);
    if (offset == JsonPositions::npos) return "none";
    const TextLocation at = TextLocator(text).locate(offset);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
}

const std::string kDocument = R"({
  "slug": "x",
  "body": ["one", "two",
           "three"],
  "quotes": [
    {"id": "q1", "speaker": "putin"},
    {"id": "q2", "parts": ["a", "b"], "place": null}
  ],
  "map": {"center": [61.5, -163.0], "empty": {}, "none": []}
})";

TEST(json_positions, records_every_value_by_json_pointer) {
    EXPECT_EQ(where(kDocument, ""), "1:1");
    EXPECT_EQ(where(kDocument, "/slug"), "2:11");
    EXPECT_EQ(where(kDocument, "/body"), "3:11");
    EXPECT_EQ(where(kDocument, "/body/0"), "3:12");
    EXPECT_EQ(where(kDocument, "/body/2"), "4:12");
    EXPECT_EQ(where(kDocument, "/quotes/1"), "7:5");
    EXPECT_EQ(where(kDocument, "/quotes/0/speaker"), "6:29");
    EXPECT_EQ(where(kDocument, "/quotes/1/parts/1"), "7:33");
    EXPECT_EQ(where(kDocument, "/quotes/1/place"), "7:48");
    EXPECT_EQ(where(kDocument, "/map/center/1"), "9:28");
    EXPECT_EQ(where(kDocument, "/map/empty"), "9:46");
    EXPECT_EQ(where(kDocument, "/map/none"), "9:58");
    EXPECT_EQ(where(kDocument, "/map/none/0"), "none");
    EXPECT_EQ(where(kDocument, "/missing"), "none");
}

TEST(json_positions, records_keys_of_members_but_not_of_array_items) {
    EXPECT_EQ(where(kDocument, "/quotes/0/speaker", true), "6:18");
    EXPECT_EQ(where(kDocument, "/map", true), "9:3");
    EXPECT_EQ(where(kDocument, "/body/0", true), "none");
    EXPECT_EQ(where(kDocument, "", true), "none");
}

TEST(json_positions, decodes_escaped_keys_and_escapes_pointers) {
    const std::string text = R"({"a/b": 1, "m~n": 2, "caf\u00e9": 3, "\ud83d\ude00": 4, "q\"uote": 5})";
    EXPECT_EQ(where(text, "/a~1b"), "1:9");
    EXPECT_EQ(where(text, "/m~0n"), "1:19");
    EXPECT_EQ(where(text, "/café"), "1:35");
    EXPECT_EQ(where(text, "/😀"), "1:54");
    EXPECT_EQ(where(text, "/q\"uote"), "1:68");
    EXPECT_EQ(json_pointer("/x", "a/b~"), "/x/a~1b~0");
}

TEST(json_positions, strings_with_brackets_and_escapes_do_not_confuse_the_scanner) {
    const std::string text = R"({"a": "[{\"}]\\", "b": [true, false, null, -1.5e3], "c": "\\"})";
    EXPECT_EQ(where(text, "/b"), "1:24");
    EXPECT_EQ(where(text, "/b/3"), "1:44");
    EXPECT_EQ(where(text, "/c"), "1:58");
}

TEST(json_positions, finds_duplicate_keys_with_both_places) {
    const std::string text = "{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2},\n \"a\": 3}";
    const JsonPositions positions = JsonPositions::index(text);
    ASSERT_EQ(positions.duplicate_keys().size(), 2u);
    const DuplicateKey& inner = positions.duplicate_keys()[0];
    EXPECT_EQ(inner.key, "x");
    EXPECT_EQ(inner.pointer, "/b/x");
    EXPECT_EQ(inner.first_key, text.find("\"x\""));
    EXPECT_EQ(inner.repeated, text.rfind("\"x\""));
    EXPECT_EQ(positions.duplicate_keys()[1].pointer, "/a");
    // Like nlohmann/json, the last value counts.
    EXPECT_EQ(positions.value_offset("/a"), text.rfind('3'));
}

TEST(json_positions, survives_deep_nesting_without_recursion) {
    const std::string text = std::string(100000, '[') + std::string(100000, ']');
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_EQ(positions.value_offset("/0/0/0"), 3u);
    std::string deep;
    for (int i = 0; i < 40; ++i) deep += "/0";
    EXPECT_EQ(positions.value_offset(deep), JsonPositions::npos);
}

TEST(json_positions, values_after_a_deep_one_are_still_indexed) {
    const std::string deep = std::string(40, '[') + "\"]}\"" + std::string(40, ']');
    const std::string text = "{\"deep\": " + deep + ", \"after\": {\"x\": 1}}";
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_EQ(positions.value_offset("/after/x"), text.rfind('1'));
    EXPECT_EQ(positions.key_offset("/after"), text.find("\"after\""));
}

TEST(json_positions, never_reads_past_the_end_of_broken_input) {
    for (const char* text : {"{\"a", "[1,", "{\"a\":", "\"\\u12", "{\"a\"", "[\"\\", "{", "\"\\ud800\\u"}) {
        JsonPositions::index(text);  // must not crash; results do not matter
    }
}

TEST(json_positions, pointer_parent) {
    EXPECT_EQ(json_pointer_parent("/quotes/3/speaker"), "/quotes/3");
    EXPECT_EQ(json_pointer_parent("/slug"), "");
    EXPECT_EQ(json_pointer_parent(""), "");
}

TEST(text_locator, counts_columns_in_characters_and_lines_from_one) {
    const std::string text = "ab\n“é” x\r\nlast";
    const TextLocator locator(text);
    const auto at = [&](std::size_t offset) {
        const TextLocation l = locator.locate(offset);
        return std::to_string(l.line) + ":" + std::to_string(l.column);
    };
    EXPECT_EQ(at(0), "1:1");
    EXPECT_EQ(at(2), "1:3");
    EXPECT_EQ(at(3), "2:1");
    EXPECT_EQ(at(text.find('x')), "2:5");
    EXPECT_EQ(at(text.find("last")), "3:1");
    EXPECT_EQ(at(text.size() + 10), "3:5");
}

TEST(text_locator, a_byte_order_mark_takes_no_column) {
    const std::string text = "\xEF\xBB\xBF{\"a\": 1}";
    EXPECT_EQ(TextLocator(text).locate(3).column, 1);
    EXPECT_EQ(TextLocator(text).locate(text.find('1')).column, 7);
}

// Long lines of mixed one- to four-byte characters, across every checkpoint
// boundary: each offset's line:column equals a plain count from the line start.
TEST(text_locator, long_lines_locate_as_a_plain_count_does) {
    std::string text = "\xEF\xBB\xBF";
    const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\n", " "};
    unsigned seed = 7;
    for (int i = 0; i < 6000; ++i) {
        seed = seed * 1103515245u + 12345u;
        const unsigned pick = (seed >> 16) % 97;
        text += pieces[pick == 0 ? 4 : pick % 6 == 4 ? 5 : pick % 6];
    }
    const TextLocator locator(text);
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
        if (offset > 0 && text[offset - 1] == '\n') {
            ++line;
            line_start = offset;
        }
        if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
        const std::size_t from = line_start == 0 && offset >= 3 ? 3 : line_start;
        int column = 1;
        for (std::size_t i = from; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        const TextLocation at = locator.locate(offset);
        ASSERT_EQ(at.line, line) << offset;
        ASSERT_EQ(at.column, column) << offset;
    }
}

}  // namespace
}  // namespace dateline
