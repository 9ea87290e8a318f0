#include "compiler/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>

#include "compiler/did_you_mean.h"
#include "compiler/formats.h"
#include "compiler/json_positions.h"
#include "compiler/limits.h"
#include "compiler/utf8.h"

namespace dateline {
namespace {

using nlohmann::json;
using namespace limits;

// [SECTION] The fields of the format ----------------------------------------
// docs/article-format.md and assets/article.schema.json describe the same.

const Field kArticle{"", "the article", "{\"slug\": \"anchorage-summit\", …}"};
const Field kSchema{"$schema", "the path of the JSON Schema, for editors", "\"../article.schema.json\"",
                    false, kSchemaChars};
const Field kSlug{"slug", "the article's name in URLs and file names", "\"anchorage-summit\"", true,
                  kSlugChars};
const Field kLanguage{"language", "the BCP 47 language tag of the text", "\"en\"", true, kLanguageChars};
const Field kHeadline{"headline", "the article's title", "\"Talks end without a deal\"", true,
                      kHeadlineChars};
const Field kDek{"dek", "the standfirst under the headline", "\"A handshake, and no ceasefire.\"", false,
                 kDekChars};
const Field kByline{"byline", "who wrote the article", "\"Dateline staff\"", false, kBylineChars};
const Field kCredit{"credit", "the credit line", "\"With reporting by Al Jazeera\"", false, kCreditChars};
const Field kDateline{"dateline", "where the story was reported from", "\"ANCHORAGE, Alaska\"", false,
                      kDatelineChars};
const Field kPublished{"published", "the publication date as YYYY-MM-DD", "\"2025-08-16\"", true};
const Field kBody{"body", "the paragraphs of the story", "[\"First paragraph.\", \"Second paragraph.\"]",
                  true};
const Field kParagraph{"", "the paragraph", "\"The meeting ended without a deal.\"", false, kParagraphChars};
const Field kPeopleList{"people", "the named people of the story, quoted or mentioned",
                        "[{\"id\": \"putin\", \"name\": \"Vladimir Putin\"}]"};
const Field kSourceList{"sources", "the unnamed sources of the story",
                        "[{\"id\": \"observers\", \"label\": \"Observers\"}]"};
const Field kQuoteList{
    "quotes", "the quotes in the body",
    "[{\"id\": \"q1\", \"speaker\": \"putin\", \"text\": \"long overdue\", \"form\": \"fragment\"}]"};
const Field kPlaceList{
    "places", "the places of the story",
    "[{\"id\": \"anchorage\", \"name\": \"Anchorage\", \"lat\": 61.2181, \"lon\": -149.9003}]"};
const Field kMap{"map", "the map's initial view and pins",
                 "{\"primary\": \"anchorage\", \"center\": [61.2, -149.9], \"span_km\": 4500}"};
const Field kTheme{"theme", "the accent colours", "{\"light\": \"#c8102e\", \"dark\": \"#ff6b6b\"}"};

const Field kPerson{"", "a person", "{\"id\": \"putin\", \"name\": \"Vladimir Putin\"}"};
const Field kPersonId{"id", "the person's id, used by quotes", "\"putin\"", true, kIdChars};
const Field kPersonName{"name", "the person's name", "\"Vladimir Putin\"", true, kNameChars};
const Field kRole{"role", "the person's role", "\"President of Russia\"", false, kRoleChars};
const Field kAffiliation{"affiliation", "the person's organisation", "\"Kremlin\"", false, kAffiliationChars};
const Field kCountry{"country", "the person's country as an ISO 3166-1 alpha-2 code", "\"RU\"", false};

const Field kSource{"", "an unnamed source", "{\"id\": \"observers\", \"label\": \"Observers\"}"};
const Field kSourceId{"id", "the source's id, used by quotes", "\"observers\"", true, kIdChars};
const Field kLabel{"label", "how the article names the source", "\"Observers\"", true, kNameChars};
const Field kDescription{"description", "who the source is, as far as the article says",
                         "\"Diplomats and analysts following the summit\"", false, kDescriptionChars};

const Field kQuote{
    "", "a quote",
    "{\"id\": \"q1\", \"speaker\": \"putin\", \"text\": \"long overdue\", \"form\": \"fragment\"}"};
const Field kQuoteId{"id", "the quote's id, used in links (#quote=<id>)", "\"q1\"", true, kIdChars};
const Field kSpeaker{"speaker", "the id of the person or source who said it", "\"putin\"", true, kIdChars};
const Field kText{"text", "the exact quoted words, without quotation marks", "\"long overdue\"", false,
                  kQuoteChars};
const Field kParts{"parts", "the runs of words of one statement split by its attribution",
                   "[\"There were many, many points…\", \"So there is no deal until there is a deal.\"]"};
const Field kPart{"", "the quoted words of this part, without quotation marks", "\"So there is no deal\"",
                  true, kQuoteChars};
const Field kForm{"form", "\"full\" for a whole statement, \"fragment\" for words inside a paraphrase",
                  "\"full\"", true};
const Field kQuotePlace{"place", "the id of the place the quote is about", "\"moscow\"", false, kIdChars};

const Field kPlace{"", "a place",
                   "{\"id\": \"anchorage\", \"name\": \"Anchorage\", \"lat\": 61.2181, \"lon\": -149.9003}"};
const Field kPlaceId{"id", "the place's id, used by quotes and the map", "\"anchorage\"", true, kIdChars};
const Field kPlaceName{"name", "the place's name", "\"Anchorage\"", true, kPlaceNameChars};
const Field kDetail{"detail", "where exactly, e.g. the venue", "\"Joint Base Elmendorf–Richardson, Alaska\"",
                    false, kPlaceDetailChars};
const Field kNote{"note", "why the place matters to the story", "\"Venue of the summit\"", false,
                  kPlaceNoteChars};
const Field kDate{"date", "the date of the event there, as YYYY-MM-DD", "\"2025-08-15\"", false};
const Field kLat{"lat", "the latitude in degrees north", "61.2181", true};
const Field kLon{"lon", "the longitude in degrees east", "-149.9003", true};

const Field kPrimary{"primary", "the id of the story's main place", "\"anchorage\"", true, kIdChars};
const Field kCenter{"center", "the centre of the initial view as [lat, lon]", "[61.2, -149.9]", true};
const Field kCenterLat{"", "the latitude of the centre, in degrees north", "61.2"};
const Field kCenterLon{"", "the longitude of the centre, in degrees east", "-149.9"};
const Field kSpanKm{"span_km", "the width of the initial view in kilometres", "4500", true};
const Field kPins{"pins", "the ids of the places that get a pin", "[\"anchorage\", \"moscow\"]"};
const Field kPin{"", "the id of a place to pin", "\"anchorage\"", true, kIdChars};

const Field kLight{"light", "the accent colour on light backgrounds", "\"#c8102e\""};
const Field kDark{"dark", "the accent colour on dark backgrounds", "\"#ff6b6b\""};

// [SECTION] Helpers ---------------------------------------------------------------

// Ids in one namespace (speakers, quotes or places) -> index and pointer.
struct IdTable {
    struct Entry {
        std::size_t index = 0;
        std::string pointer;
    };
    std::map<std::string, Entry> entries;
    // Names as the article writes them ("Vladimir Putin") -> id, so a
    // reference that gives the name instead of the id gets the id offered.
    std::map<std::string, std::string, std::less<>> names;

    std::vector<std::string_view> ids() const {
        std::vector<std::string_view> out;
        for (const auto& e : entries) out.push_back(e.first);
        return out;
    }
};

// "Donald Trump" -> "donald-trump": a valid id close to what was written.
std::string id_suggestion(std::string_view s, std::size_t max_chars) {
    std::string out;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c == ' ' || c == '-' || c == '_') && !out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > max_chars) out.resize(max_chars);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "item-1" : out;
}

bool has_quotation_mark_at_ends(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    const auto starts = [&](std::string_view m) { return s.substr(0, m.size()) == m; };
    const auto ends = [&](std::string_view m) {
        return s.size() >= m.size() && s.substr(s.size() - m.size()) == m;
    };
    return starts("\"") || starts("\u201C") || ends("\"") || ends("\u201D");
}

// [SECTION] The validator ---------------------------------------------------------

class Validator {
public:
    Validator(JsonReader& reader, ArticleStore& store) : reader_(reader), store_(store) {}

    ValidatedArticle run(const json& document) {
        if (!reader_.is_object(document, "", kArticle)) return {};
        ObjectReader top(reader_, document, "");
        top.reject_unknown(
            {kSchema, kSlug, kLanguage, kHeadline, kDek, kByline, kCredit, kDateline, kPublished, kBody,
             kPeopleList, kSourceList, kQuoteList, kPlaceList, kMap, kTheme},
            "the article");
        read_header(top);
        read_body(top);
        // Quotes and the map refer to people, sources and places: read those first.
        read_list(top, kPeopleList, kPerson, kPeople, "people", &Validator::read_person);
        read_list(top, kSourceList, kSource, kSources, "sources", &Validator::read_source);
        read_list(top, kPlaceList, kPlace, kPlaces, "places", &Validator::read_place);
        read_list(top, kQuoteList, kQuote, kQuotes, "quotes", &Validator::read_quote);
        if (const json* map = top.get(kMap)) read_map(*map, top.pointer(kMap));
        if (const json* theme = top.get(kTheme)) read_theme(*theme, top.pointer(kTheme));
        return std::move(result_);
    }

private:
    using ItemReader = void (Validator::*)(ObjectReader&);

    std::string_view keep(const std::optional<std::string>& s) {
        return s ? store_.keep(*s) : std::string_view();
    }

    void read_header(ObjectReader& top) {
        Article& a = store_.article;
        top.text(kSchema);
        a.slug = keep(check_format(
            top, kSlug, [](std::string_view s) { return is_id(s, kSlugChars); },
            "is not a valid slug: use lowercase letters, digits and hyphens, starting with a "
            "letter or digit, at most 64 characters"));
        a.language =
            keep(check_format(top, kLanguage, is_language_tag,
                              "is not a BCP 47 language tag such as \"en\", \"en-GB\" or \"nb-NO\""));
        a.headline = keep(top.text(kHeadline));
        a.dek = keep(top.text(kDek));
        a.byline = keep(top.text(kByline));
        a.credit = keep(top.text(kCredit));
        a.dateline = keep(top.text(kDateline));
        a.published =
            keep(check_format(top, kPublished, is_iso_date, "is not a valid date in the form YYYY-MM-DD"));
    }

    // Reads a string member and checks its shape; reports "<value> <problem>; e.g. …".
    template <class Check>
    std::optional<std::string> check_format(ObjectReader& object, const Field& field, Check is_valid,
                                            const char* problem) {
        std::optional<std::string> s = object.text(field);
        if (s && !is_valid(*s)) {
            std::string message = utf8::quoted(*s) + " " + problem + "; e.g. \"" + std::string(field.key) +
                                  "\": " + std::string(field.example);
            reader_.error(object.pointer(field), std::move(message));
            return std::nullopt;
        }
        return s;
    }

    void read_body(ObjectReader& top) {
        const json* body = top.get(kBody);
        if (!body) return;
        const std::string pointer = top.pointer(kBody);
        if (!reader_.is_array(*body, pointer, kBody, 1, kParagraphs, "paragraphs")) return;
        bool ok = !body->empty() && body->size() <= kParagraphs;
        for (std::size_t i = 0; i < body->size(); ++i) {
            const std::optional<std::string> p =
                reader_.text((*body)[i], json_pointer(pointer, i), kParagraph);
            ok = ok && p.has_value();
            if (p) store_.paragraphs.push_back(store_.keep(*p));
        }
        result_.body_ok = ok;
    }

    void read_list(ObjectReader& top, const Field& field, const Field& item_field, std::size_t max_items,
                   std::string_view items, ItemReader read_item) {
        const json* list = top.get(field);
        if (!list) return;
        const std::string pointer = top.pointer(field);
        if (!reader_.is_array(*list, pointer, field, 0, max_items, items)) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string item_pointer = json_pointer(pointer, i);
            if (!reader_.is_object((*list)[i], item_pointer, item_field)) continue;
            ObjectReader item(reader_, (*list)[i], item_pointer);
            (this->*read_item)(item);
        }
    }

    // Reads an id, checks its shape and that it is new in `table`.
    std::string_view read_id(ObjectReader& object, const Field& field, IdTable& table, std::size_t index,
                             std::string_view unique_among) {
        const std::optional<std::string> id = object.text(field);
        if (!id) return {};
        const std::string pointer = object.pointer(field);
        if (!is_id(*id, field.max_chars)) {
            reader_.error(pointer,
                          utf8::quoted(*id) +
                              " is not a valid id: use lowercase letters, digits and hyphens, starting "
                              "with a letter or digit, at most " +
                              std::to_string(field.max_chars) + " characters; e.g. " +
                              utf8::quoted(unused_id(id_suggestion(*id, field.max_chars), table, field.max_chars)));
        }
        const auto [it, inserted] = table.entries.emplace(*id, IdTable::Entry{index, pointer});
        if (!inserted) {
            reader_.error(pointer, "duplicate id " + utf8::quoted(*id) + ": " + it->second.pointer +
                                       " has it already; give each of the " + std::string(unique_among) +
                                       " its own id");
        }
        return store_.keep(*id);
    }

    // `id`, or `id-2`, `id-3`…: a suggestion must not name an item that exists.
    static std::string unused_id(std::string id, const IdTable& table, std::size_t max_chars) {
        if (id.empty()) id = "item";
        const std::string base = id;
        for (int n = 2; table.entries.count(id); ++n) {
            const std::string suffix = "-" + std::to_string(n);
            id = base.substr(0, max_chars - suffix.size()) + suffix;
        }
        return id;
    }

    // The index of the item `value` refers to, or nullopt (reported).
    std::optional<std::size_t> reference(const json& value, const std::string& pointer, const Field& field,
                                         const IdTable& table, std::string_view noun, std::string_view owners,
                                         std::string_view lists) {
        const std::optional<std::string> id = reader_.text(value, pointer, field);
        if (!id) return std::nullopt;
        const auto it = table.entries.find(*id);
        if (it != table.entries.end()) return it->second.index;
        std::string message = "unknown " + std::string(noun) + " " + utf8::quoted(*id) + ": no " +
                              std::string(owners) + " has this id";
        if (const auto named = table.names.find(*id); named != table.names.end()) {
            message += "; that is a name: refer to it by its id, " + utf8::quoted(named->second);
            reader_.error(pointer, std::move(message));
            return std::nullopt;
        }
        const std::string suggestion = did_you_mean(*id, table.ids());
        message += suggestion.empty() ? "; use the id of an item of " + std::string(lists) : suggestion;
        reader_.error(pointer, std::move(message));
        return std::nullopt;
    }

    static void name_item(IdTable& table, std::string_view name, std::string_view id) {
        if (!name.empty() && !id.empty()) table.names.emplace(std::string(name), std::string(id));
    }

    void read_person(ObjectReader& o) {
        o.reject_unknown({kPersonId, kPersonName, kRole, kAffiliation, kCountry}, "a person");
        Person p;
        p.id = read_id(o, kPersonId, speakers_, store_.people.size(), "people and sources");
        p.name = keep(o.text(kPersonName));
        name_item(speakers_, p.name, p.id);
        p.role = keep(o.text(kRole));
        p.affiliation = keep(o.text(kAffiliation));
        p.country = keep(check_format(o, kCountry, is_country_code,
                                      "is not an ISO 3166-1 alpha-2 country code (two capital letters)"));
        p.kind = PersonKind::Named;
        store_.people.push_back(p);
    }

    void read_source(ObjectReader& o) {
        o.reject_unknown({kSourceId, kLabel, kDescription}, "an unnamed source");
        Person p;
        p.id = read_id(o, kSourceId, speakers_, store_.people.size(), "people and sources");
        p.name = keep(o.text(kLabel));
        name_item(speakers_, p.name, p.id);
        // A source has no role; its description takes the role's place on the card.
        p.role = keep(o.text(kDescription));
        p.kind = PersonKind::UnnamedSource;
        store_.people.push_back(p);
    }

    void read_place(ObjectReader& o) {
        o.reject_unknown({kPlaceId, kPlaceName, kDetail, kNote, kDate, kLat, kLon}, "a place");
        Place p;
        p.id = read_id(o, kPlaceId, places_, store_.places.size(), "places");
        p.name = keep(o.text(kPlaceName));
        name_item(places_, p.name, p.id);
        p.detail = keep(o.text(kDetail));
        p.note = keep(o.text(kNote));
        p.date = keep(check_format(o, kDate, is_iso_date, "is not a valid date in the form YYYY-MM-DD"));
        if (swapped_coordinates(o)) {
            store_.places.push_back(p);
            return;
        }
        p.lat = static_cast<float>(o.number(kLat, -90, 90).value_or(0));
        p.lon = static_cast<float>(o.number(kLon, -180, 180).value_or(0));
        store_.places.push_back(p);
    }

    // A latitude past 90 whose longitude would be a latitude is almost
    // always the pair written the wrong way round (maps give "lon, lat").
    bool swapped_coordinates(ObjectReader& o) {
        const json* lat = o.find(kLat);
        const json* lon = o.find(kLon);
        if (!lat || !lon || !lat->is_number() || !lon->is_number()) return false;
        const double a = lat->get<double>(), b = lon->get<double>();
        if (!(std::fabs(a) > 90 && std::fabs(a) <= 180 && std::fabs(b) <= 90)) return false;
        reader_.error(o.pointer(kLat), lat->dump() + " is out of range for the latitude (-90 to 90), and the "
                      "longitude " + lon->dump() + " would be a latitude; did you swap them? write \"lat\": " +
                      lon->dump() + ", \"lon\": " + lat->dump());
        return true;
    }

    void read_quote(ObjectReader& o) {
        o.reject_unknown({kQuoteId, kSpeaker, kText, kParts, kForm, kQuotePlace}, "a quote");
        Quote q;
        q.id = read_id(o, kQuoteId, quotes_, store_.quotes.size(), "quotes");
        if (const json* speaker = o.get(kSpeaker)) {
            const auto index = reference(*speaker, o.pointer(kSpeaker), kSpeaker, speakers_, "speaker",
                                         "person or source", "\"people\" or \"sources\"");
            if (index) {
                q.speaker = static_cast<std::uint16_t>(*index);
                store_.people[*index].quote_count++;
            }
        }
        if (const json* form = o.get(kForm)) q.form = read_form(*form, o.pointer(kForm));
        if (const json* place = o.get(kQuotePlace)) {
            const auto index = reference(*place, o.pointer(kQuotePlace), kQuotePlace, places_, "place",
                                         "place", "\"places\"");
            if (index) q.place = static_cast<std::int16_t>(*index);
        }
        std::vector<QuotePart>& parts = store_.quote_parts.emplace_back();
        QuoteWords words{store_.quotes.size(), {}};
        const bool words_ok = read_words(o, parts, words.part_pointers);
        q.parts = ArticleStore::span_of(parts);
        store_.quotes.push_back(q);
        if (words_ok) result_.quotes.push_back(std::move(words));
    }

    QuoteForm read_form(const json& value, const std::string& pointer) {
        const std::optional<std::string> form = reader_.text(value, pointer, kForm);
        if (!form) return QuoteForm::Full;
        if (*form == "full") return QuoteForm::Full;
        if (*form == "fragment") return QuoteForm::Fragment;
        const std::string suggestion = did_you_mean(*form, {"full", "fragment"});
        reader_.error(
            pointer,
            utf8::quoted(*form) + " is not a quote form" +
                (suggestion.empty() ? "; use \"full\" for a whole statement or \"fragment\" for words quoted "
                                      "inside a paraphrase"
                                    : suggestion));
        return QuoteForm::Full;
    }

    // "text", or "parts" when attribution splits one statement.
    bool read_words(ObjectReader& o, std::vector<QuotePart>& parts, std::vector<std::string>& pointers) {
        const json* text = o.get(kText);
        const json* split = o.get(kParts);
        if (text && split) {
            reader_.error(o.pointer(kParts),
                          "a quote has \"text\" or \"parts\", not both; keep \"text\" for one "
                          "run of words, or \"parts\" when attribution splits the statement");
            return false;
        }
        if (!text && !split) {
            reader_.error(o.pointer(),
                          "missing required field \"text\" (the exact quoted words, without quotation "
                          "marks); add e.g. \"text\": \"long overdue\", or \"parts\": [\"…\", \"…\"] "
                          "when attribution splits the statement");
            return false;
        }
        if (text) return read_part(*text, o.pointer(kText), kText, parts, pointers);
        const std::string pointer = o.pointer(kParts);
        if (!reader_.is_array(*split, pointer, kParts, 0, kQuoteParts, "parts") ||
            split->size() > kQuoteParts) {
            return false;
        }
        if (split->size() < 2) {
            reader_.error(pointer, std::to_string(split->size()) + (split->size() == 1 ? " part" : " parts") +
                                       ": \"parts\" is for a statement split in two or more; for one run of "
                                       "words use \"text\"");
            return false;
        }
        bool ok = true;
        for (std::size_t i = 0; i < split->size(); ++i) {
            ok = read_part((*split)[i], json_pointer(pointer, i), kPart, parts, pointers) && ok;
        }
        return ok;
    }

    bool read_part(const json& value, const std::string& pointer, const Field& field,
                   std::vector<QuotePart>& parts, std::vector<std::string>& pointers) {
        const std::optional<std::string> words = reader_.text(value, pointer, field);
        if (!words) return false;
        if (has_quotation_mark_at_ends(*words)) {
            reader_.error(pointer,
                          "the quoted words start or end with a quotation mark; give the words without "
                          "the quotation marks around them");
            return false;
        }
        parts.push_back({store_.keep(*words), {}});
        pointers.push_back(pointer);
        return true;
    }

    void read_map(const json& value, const std::string& pointer) {
        if (!reader_.is_object(value, pointer, kMap)) return;
        ObjectReader o(reader_, value, pointer);
        o.reject_unknown({kPrimary, kCenter, kSpanKm, kPins}, "the map");
        MapSpec& map = store_.article.map;
        if (const json* primary = o.get(kPrimary)) {
            const auto index =
                reference(*primary, o.pointer(kPrimary), kPrimary, places_, "place", "place", "\"places\"");
            if (index) map.primary = static_cast<std::int16_t>(*index);
        }
        if (const json* center = o.get(kCenter)) read_center(*center, o.pointer(kCenter), map);
        map.span_km = static_cast<float>(o.number(kSpanKm, kMinSpanKm, kMaxSpanKm).value_or(0));
        const json* pins = o.get(kPins);
        if (!pins) {
            if (map.primary != kNone) store_.pinned.push_back(static_cast<std::uint16_t>(map.primary));
            return;
        }
        const std::string pins_pointer = o.pointer(kPins);
        if (!reader_.is_array(*pins, pins_pointer, kPins, 0, kPlaces, "pins")) return;
        for (std::size_t i = 0; i < pins->size(); ++i) {
            const std::string pin_pointer = json_pointer(pins_pointer, i);
            const auto index =
                reference((*pins)[i], pin_pointer, kPin, places_, "place", "place", "\"places\"");
            if (!index) continue;
            const auto pin = static_cast<std::uint16_t>(*index);
            if (std::find(store_.pinned.begin(), store_.pinned.end(), pin) != store_.pinned.end()) {
                reader_.error(pin_pointer, utf8::quoted((*pins)[i].get<std::string>()) +
                                               " is pinned twice; list each place once");
                continue;
            }
            store_.pinned.push_back(pin);
        }
    }

    void read_center(const json& value, const std::string& pointer, MapSpec& map) {
        if (!reader_.is_array(value, pointer, kCenter, 0, SIZE_MAX, "numbers")) return;
        if (value.size() != 2) {
            reader_.error(pointer, "expected [lat, lon], 2 numbers, found " + std::to_string(value.size()) +
                                       (value.size() == 1 ? " item" : " items") +
                                       "; e.g. \"center\": " + std::string(kCenter.example));
            return;
        }
        map.center_lat = static_cast<float>(
            reader_.number(value[0], json_pointer(pointer, std::size_t{0}), kCenterLat, -90, 90).value_or(0));
        map.center_lon = static_cast<float>(
            reader_.number(value[1], json_pointer(pointer, std::size_t{1}), kCenterLon, -180, 180)
                .value_or(0));
    }

    void read_theme(const json& value, const std::string& pointer) {
        if (!reader_.is_object(value, pointer, kTheme)) return;
        ObjectReader o(reader_, value, pointer);
        o.reject_unknown({kLight, kDark}, "the theme");
        store_.article.accents.light = read_colour(o, kLight);
        store_.article.accents.dark = read_colour(o, kDark);
    }

    std::uint32_t read_colour(ObjectReader& o, const Field& field) {
        const std::optional<std::string> s = o.text(field);
        if (!s) return 0;
        const std::optional<std::uint32_t> colour = parse_colour(*s);
        if (!colour) {
            reader_.error(o.pointer(field), utf8::quoted(*s) +
                                                " is not a colour in the form \"#rrggbb\"; e.g. \"" +
                                                std::string(field.key) + "\": " + std::string(field.example));
            return 0;
        }
        if (*colour == 0) {
            reader_.error(o.pointer(field),
                          "\"#000000\" cannot be an accent: 0 stands for the theme's default; "
                          "use \"#010101\" or leave the field out");
        }
        return *colour;
    }

    JsonReader& reader_;
    ArticleStore& store_;
    IdTable speakers_, quotes_, places_;
    ValidatedArticle result_;
};

}  // namespace

ValidatedArticle validate_article(const json& document, JsonReader& reader, ArticleStore& store) {
    return Validator(reader, store).run(document);
}

}  // namespace dateline
