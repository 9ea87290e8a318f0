#include "compiler/json_reader.h"

#include <algorithm>
#include <cstdio>

#include "compiler/did_you_mean.h"
#include "compiler/json_positions.h"
#include "compiler/utf8.h"

namespace dateline {
namespace {

using nlohmann::json;

std::string example_of(const Field& field) {
    if (field.key.empty()) return "e.g. " + std::string(field.example);
    return "e.g. \"" + std::string(field.key) + "\": " + std::string(field.example);
}

bool is_blank(std::string_view s) {
    for (char c : s) {
        if (c != ' ') return false;
    }
    return true;
}

// C0 controls, DEL and C1 controls: invisible, and unsafe in generated code
// and HTML. (Bidi controls such as U+200F stay allowed: RTL text needs them.)
bool is_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

}  // namespace

std::string describe_json(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case json::value_t::string:
            return "a string";
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "a number (" + value.dump() + ")";
        default:
            return "an unsupported value";
    }
}

std::string format_number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    return buf;
}

void JsonReader::error(const std::string& pointer, std::string message) {
    diagnostics_.items.push_back({file_, 0, 0, pointer, std::move(message)});
}

void JsonReader::key_error(const std::string& pointer, std::string message) {
    diagnostics_.items.push_back({file_, 0, 0, pointer, std::move(message), true});
}

bool JsonReader::expect_type(const json& value, bool ok, const char* expected, const std::string& pointer,
                             const Field& field) {
    if (!ok) {
        error(pointer, std::string("expected ") + expected + " (" + std::string(field.meaning) + "), found " +
                           describe_json(value) + "; " + example_of(field));
    }
    return ok;
}

bool JsonReader::is_object(const json& value, const std::string& pointer, const Field& field) {
    return expect_type(value, value.is_object(), "an object", pointer, field);
}

bool JsonReader::is_array(const json& value, const std::string& pointer, const Field& field,
                          std::size_t min_items, std::size_t max_items, std::string_view items) {
    if (!expect_type(value, value.is_array(), "an array", pointer, field)) return false;
    // A wrong count is reported, but the items are still read: their ids keep
    // references elsewhere from failing too, and their own errors show up now.
    if (value.size() < min_items) {
        error(pointer, "no " + std::string(items) + "; add at least " + std::to_string(min_items));
    } else if (value.size() > max_items) {
        error(pointer, std::to_string(value.size()) + " " + std::string(items) + ", over the limit of " +
                           std::to_string(max_items) + "; remove some");
    }
    return true;
}

std::optional<std::string> JsonReader::text(const json& value, const std::string& pointer,
                                            const Field& field) {
    if (!expect_type(value, value.is_string(), "a string", pointer, field)) return std::nullopt;
    const std::string& s = value.get_ref<const std::string&>();
    const std::string fix = field.required      ? ""
                            : field.key.empty() ? ", or remove the item"
                                                : ", or remove the field";
    if (s.empty() || is_blank(s)) {
        error(pointer, "the text is empty; write " + std::string(field.meaning) + fix);
        return std::nullopt;
    }
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        char32_t cp = 0;
        const std::size_t length = utf8::decode(s, i, cp);
        if (is_control(cp)) {
            error(pointer, "the text contains the control character " + utf8::code_point_name(cp) +
                               " at character " + std::to_string(chars + 1) +
                               "; remove it (text holds no tabs or line breaks: use a space, or a new "
                               "item of \"body\" for a new paragraph)");
            return std::nullopt;
        }
        i += length;
    }
    if (field.max_chars && chars > field.max_chars) {
        error(pointer, "the text is " + std::to_string(chars) + " characters long, over the limit of " +
                           std::to_string(field.max_chars) + "; shorten it");
        return std::nullopt;
    }
    return s;
}

std::optional<double> JsonReader::number(const json& value, const std::string& pointer, const Field& field,
                                         double min, double max) {
    if (!expect_type(value, value.is_number(), "a number", pointer, field)) return std::nullopt;
    const double n = value.get<double>();
    if (!(n >= min && n <= max)) {
        error(pointer, value.dump() + " is out of range for " + std::string(field.meaning) +
                           ": it must be between " + format_number(min) + " and " + format_number(max) +
                           "; " + example_of(field));
        return std::nullopt;
    }
    return n;
}

void ObjectReader::reject_unknown(const std::vector<Field>& fields, std::string_view what) {
    std::vector<std::string_view> known;
    std::string list;
    for (const Field& f : fields) {
        known.push_back(f.key);
        list += (list.empty() ? "" : ", ") + std::string(f.key);
    }
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        const std::string& key = it.key();
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string message = "unknown field " + utf8::quoted(key) + " in " + std::string(what);
        const std::string suggestion = did_you_mean(key, known);
        message += suggestion.empty() ? "; remove it, or use one of: " + list : suggestion;
        reader_.key_error(json_pointer(pointer_, key), std::move(message));
    }
}

const json* ObjectReader::get(const Field& field) {
    const auto it = object_.find(std::string(field.key));
    if (it != object_.end()) return &*it;
    if (field.required) {
        reader_.error(pointer_, "missing required field \"" + std::string(field.key) + "\" (" +
                                    std::string(field.meaning) + "); add " + example_of(field));
    }
    return nullptr;
}

const nlohmann::json* ObjectReader::find(const Field& field) const {
    const auto it = object_.find(std::string(field.key));
    return it != object_.end() ? &*it : nullptr;
}

std::string ObjectReader::pointer(const Field& field) const {
    return json_pointer(pointer_, field.key);
}

std::optional<std::string> ObjectReader::text(const Field& field) {
    const json* value = get(field);
    return value ? reader_.text(*value, pointer(field), field) : std::nullopt;
}

std::optional<double> ObjectReader::number(const Field& field, double min, double max) {
    const json* value = get(field);
    return value ? reader_.number(*value, pointer(field), field, min, max) : std::nullopt;
}

}  // namespace dateline
