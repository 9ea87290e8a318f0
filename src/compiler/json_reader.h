// Typed reading of a parsed JSON document that reports, instead of throwing,
// every value that is missing, of the wrong type, empty, too long, out of
// range or unexpected, by the JSON Pointer of the offending value. The
// messages say what was expected and show an example of the fix.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics.h"

namespace dateline {

// One field of the format, in the words the messages use.
struct Field {
    std::string_view key;
    std::string_view meaning;  // "the article's title"
    std::string_view example;  // a JSON value: "\"Talks end without a deal\""
    bool required = false;
    std::size_t max_chars = 0;  // strings: the length limit in characters
};

class JsonReader {
public:
    JsonReader(std::string file, Diagnostics& diagnostics)
        : file_(std::move(file)), diagnostics_(diagnostics) {}

    void error(const std::string& pointer, std::string message);
    // For errors about a member's name (unknown or repeated keys).
    void key_error(const std::string& pointer, std::string message);
    std::size_t error_count() const { return diagnostics_.items.size(); }

    // Each reports a mismatch and returns false / nullopt. is_array() returns
    // false only for a wrong type: a wrong item count is reported, and the
    // items may still be read.
    bool is_object(const nlohmann::json& value, const std::string& pointer, const Field& field);
    bool is_array(const nlohmann::json& value, const std::string& pointer, const Field& field,
                  std::size_t min_items, std::size_t max_items, std::string_view items);
    // A non-empty string of at most field.max_chars characters, without
    // control characters.
    std::optional<std::string> text(const nlohmann::json& value, const std::string& pointer,
                                    const Field& field);
    std::optional<double> number(const nlohmann::json& value, const std::string& pointer, const Field& field,
                                 double min, double max);

private:
    bool expect_type(const nlohmann::json& value, bool ok, const char* expected, const std::string& pointer,
                     const Field& field);

    std::string file_;
    Diagnostics& diagnostics_;
};

// The members of one JSON object.
class ObjectReader {
public:
    // `object` must be a JSON object (check with JsonReader::is_object).
    ObjectReader(JsonReader& reader, const nlohmann::json& object, std::string pointer)
        : reader_(reader), object_(object), pointer_(std::move(pointer)) {}

    // Reports every member that is not one of `fields`; `what` names the
    // object in messages ("a quote").
    void reject_unknown(const std::vector<Field>& fields, std::string_view what);

    // The member, or nullptr; a missing required member is reported.
    const nlohmann::json* get(const Field& field);
    // The member, or nullptr; unlike get(), a missing required field is not reported.
    const nlohmann::json* find(const Field& field) const;
    std::string pointer(const Field& field) const;
    const std::string& pointer() const { return pointer_; }

    std::optional<std::string> text(const Field& field);
    std::optional<double> number(const Field& field, double min, double max);

private:
    JsonReader& reader_;
    const nlohmann::json& object_;
    std::string pointer_;
};

// "a number (42)", "a string", "an array", "null"…
std::string describe_json(const nlohmann::json& value);
// A number as an author would write it: 90, -149.8067, 20000.
std::string format_number(double value);

}  // namespace dateline
