// What the reader has selected, and what that selection lights up. Pure
// state: the widget, the hash in the URL and the DOM mirror all derive from it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "article/article.h"

namespace dateline {

enum class TargetType : std::uint8_t { None, Quote, Speaker, Place };

const char* target_type_name(TargetType type);  // "quote", "speaker", "place", ""

struct Selection {
    TargetType type = TargetType::None;
    std::int16_t index = kNone;  // into Article::quotes / people / places

    bool empty() const { return type == TargetType::None; }
    bool operator==(const Selection& o) const { return type == o.type && index == o.index; }
    bool operator!=(const Selection& o) const { return !(*this == o); }
};

class SelectionState {
public:
    explicit SelectionState(const Article& article) : article_(&article) {}

    // Selecting what is already selected clears it (a second tap undoes).
    void toggle(Selection s);
    void set(Selection s) { current_ = s; }
    void clear() { current_ = {}; }
    Selection current() const { return current_; }

    // The quote whose panel is open, or kNone.
    std::int16_t quote() const;
    // The speaker card that is lit: the selected speaker, or the selected quote's speaker.
    std::int16_t speaker() const;
    // The place the map should show: the selected place, or the selected quote's place.
    std::int16_t place() const;
    // Whether a quote is marked in the text (selected, or by the selected speaker).
    bool marks_quote(std::size_t quote) const;

private:
    const Article* article_;
    Selection current_;
};

// "quote=q3" / "#speaker=putin" -> a selection (empty when unknown).
Selection parse_fragment(const Article& article, std::string_view fragment);
// The fragment for a selection, without '#': "quote=q3"; "" when empty.
std::string format_fragment(const Article& article, Selection s);
// The id of the selected item ("" when empty).
std::string_view selection_id(const Article& article, Selection s);
Selection find_target(const Article& article, TargetType type, std::string_view id);

}  // namespace dateline
