#include "article/selection.h"

namespace dateline {

const char* target_type_name(TargetType type) {
    switch (type) {
        case TargetType::Quote: return "quote";
        case TargetType::Speaker: return "speaker";
        case TargetType::Place: return "place";
        case TargetType::None: break;
    }
    return "";
}

void SelectionState::toggle(Selection s) { current_ = (s == current_) ? Selection{} : s; }

std::int16_t SelectionState::quote() const {
    return current_.type == TargetType::Quote ? current_.index : kNone;
}

std::int16_t SelectionState::speaker() const {
    if (current_.type == TargetType::Speaker) return current_.index;
    if (current_.type == TargetType::Quote) {
        return static_cast<std::int16_t>(article_->quotes[static_cast<std::size_t>(current_.index)].speaker);
    }
    return kNone;
}

std::int16_t SelectionState::place() const {
    if (current_.type == TargetType::Place) return current_.index;
    if (current_.type == TargetType::Quote) return article_->quotes[static_cast<std::size_t>(current_.index)].place;
    return kNone;
}

bool SelectionState::marks_quote(std::size_t quote) const {
    if (current_.type == TargetType::Quote) return current_.index == static_cast<std::int16_t>(quote);
    if (current_.type == TargetType::Speaker) {
        return article_->quotes[quote].speaker == static_cast<std::uint16_t>(current_.index);
    }
    return false;
}

std::string_view selection_id(const Article& a, Selection s) {
    const auto i = static_cast<std::size_t>(s.index);
    switch (s.type) {
        case TargetType::Quote: return a.quotes[i].id;
        case TargetType::Speaker: return a.people[i].id;
        case TargetType::Place: return a.places[i].id;
        case TargetType::None: break;
    }
    return {};
}

Selection find_target(const Article& a, TargetType type, std::string_view id) {
    auto find = [&](const auto& items) -> Selection {
        for (std::uint32_t i = 0; i < items.size; ++i) {
            if (items[i].id == id) return {type, static_cast<std::int16_t>(i)};
        }
        return {};
    };
    switch (type) {
        case TargetType::Quote: return find(a.quotes);
        case TargetType::Speaker: return find(a.people);
        case TargetType::Place: return find(a.places);
        case TargetType::None: break;
    }
    return {};
}

Selection parse_fragment(const Article& a, std::string_view fragment) {
    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
    const auto eq = fragment.find('=');
    if (eq == std::string_view::npos) return {};
    const std::string_view key = fragment.substr(0, eq);
    std::string_view id = fragment.substr(eq + 1);
    // Trackers and CMSs append their own parameters: "#quote=q3&utm=x".
    if (const auto amp = id.find('&'); amp != std::string_view::npos) id = id.substr(0, amp);
    for (TargetType t : {TargetType::Quote, TargetType::Speaker, TargetType::Place}) {
        if (key == target_type_name(t)) return find_target(a, t, id);
    }
    return {};
}

std::string format_fragment(const Article& a, Selection s) {
    if (s.empty()) return {};
    return std::string(target_type_name(s.type)) + "=" + std::string(selection_id(a, s));
}

}  // namespace dateline
