// Owning storage behind an Article built at compile time. The Article's views
// point into this store, so the store must outlive it and must not be copied.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"

namespace dateline {

struct ArticleStore {
    ArticleStore() = default;
    ArticleStore(const ArticleStore&) = delete;
    ArticleStore& operator=(const ArticleStore&) = delete;

    // A deque never moves its elements, so views into them stay valid.
    std::string_view keep(std::string s) { return strings.emplace_back(std::move(s)); }

    std::deque<std::string> strings;
    std::vector<std::string_view> paragraphs;
    std::vector<Person> people;
    std::deque<std::vector<QuotePart>> quote_parts;
    std::vector<Quote> quotes;
    std::vector<Place> places;
    std::vector<std::uint16_t> pinned;
    std::vector<std::uint8_t> map_data;
    Article article;

    // Points the article's spans at the vectors above; call after filling them.
    void link() {
        article.paragraphs = span_of(paragraphs);
        article.people = span_of(people);
        article.quotes = span_of(quotes);
        article.places = span_of(places);
        article.map.pinned = span_of(pinned);
        article.map_data = span_of(map_data);
    }

    template <class T>
    static Span<T> span_of(const std::vector<T>& v) {
        return {v.data(), static_cast<std::uint32_t>(v.size())};
    }
};

}  // namespace dateline
