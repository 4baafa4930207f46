#include "rolo/who.hpp"

#include "rolo/contact.hpp"
#include "rolo/dupes.hpp"
#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace rolo {
namespace {

std::optional<std::int64_t> as_id(std::string_view text) {
    if (text.starts_with('#')) text.remove_prefix(1);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || id <= 0) return std::nullopt;
    return id;
}

struct Candidate {
    Contact contact;
    int rank;  // lower is better
};

// Each query yields id, name, company, archived, exact (1 when the whole key matched).
constexpr const char* by_email =
    "SELECT id, name, company, archived, 1 FROM contacts WHERE email = ?1 COLLATE NOCASE";
constexpr const char* by_linkedin =
    "SELECT id, name, company, archived, 1 FROM contacts WHERE rolo_linkedin_key(linkedin_url) = ?1";
const std::string by_whole_name =
    "SELECT id, name, company, archived, 1 FROM contacts WHERE " + sql::folded_name_is("?1");
// The name a person goes by (--call) is as good as their name; it has no
// index, and is searched in the walk over every name that parts need anyway.
const std::string by_name_part = fmt::format(
    "SELECT id, name, company, archived, {0} = ?1 OR rolo_fold(call_name) = ?1 FROM contacts "
    "WHERE instr({0}, ?1) > 0 OR instr(rolo_fold(call_name), ?1) > 0",
    sql::folded_name);
// Every name, for the matches no index can find: initials and near misses.
const std::string every_name =
    fmt::format("SELECT id, name, company, archived, {} FROM contacts", sql::folded_name);

// A whole-name match beats a substring; within each, active beats archived.
// Only the best rank that has any match counts.
std::vector<Contact> best_of(std::vector<Candidate> candidates) {
    std::vector<Contact> best;
    if (candidates.empty()) return best;
    int best_rank = std::min_element(candidates.begin(), candidates.end(), [](auto& x, auto& y) {
                        return x.rank < y.rank;
                    })->rank;
    for (auto& candidate : candidates)
        if (candidate.rank == best_rank) best.push_back(std::move(candidate.contact));
    std::sort(best.begin(), best.end(), [](const Contact& x, const Contact& y) { return x.id < y.id; });
    return best;
}

Contact read_person(SQLite::Statement& query) {
    Contact contact;
    contact.id = query.getColumn(0).getInt64();
    contact.name = query.getColumn(1).getString();
    contact.company = sql::text(query.getColumn(2));
    contact.archived = query.getColumn(3).getInt() != 0;
    return contact;
}

std::vector<Contact> best_matches(Store& store, const std::string& query_text, const std::string& key) {
    SQLite::Statement query(store.db(), query_text);
    query.bind(1, key);
    std::vector<Candidate> candidates;
    while (query.executeStep()) {
        bool exact = query.getColumn(4).getInt() != 0;
        Contact contact = read_person(query);
        int rank = (exact ? 0 : 2) + (contact.archived ? 1 : 0);
        candidates.push_back({std::move(contact), rank});
    }
    return best_of(std::move(candidates));
}

// "j smith", "J. Smith", "w parsons": each word the start of the name's
// words, in their order.
bool initials_match(const std::vector<std::string>& query, const std::vector<std::string>& name) {
    if (query.size() < 2) return false;
    std::size_t at = 0;
    for (const auto& word : query) {
        while (at < name.size() && !name[at].starts_with(word)) ++at;
        if (at == name.size()) return false;
        ++at;
    }
    return true;
}

// Initials, then (for the error) the names a typing slip away, from one
// walk over every name: an index cannot find either.
struct Nearby {
    std::vector<Contact> initials;
    std::vector<Contact> near_misses;  // closest first
};

Nearby nearby_names(Store& store, const std::string& key) {
    auto words = name_words(key);
    std::size_t limit = key.size() >= 10 ? 2 : 1;
    SQLite::Statement query(store.db(), every_name);
    std::vector<Candidate> initials;
    std::vector<std::pair<std::size_t, Contact>> near;
    while (query.executeStep()) {
        std::string name = query.getColumn(4).getString();
        if (initials_match(words, name_words(name))) {
            Contact contact = read_person(query);
            int rank = contact.archived ? 1 : 0;
            initials.push_back({std::move(contact), rank});
        } else if (std::size_t distance = edit_distance(key, name, limit); distance <= limit) {
            near.emplace_back(distance, read_person(query));
        }
    }
    std::stable_sort(near.begin(), near.end(), [](auto& x, auto& y) { return x.first < y.first; });
    Nearby found{best_of(std::move(initials)), {}};
    for (auto& [distance, contact] : near) found.near_misses.push_back(std::move(contact));
    return found;
}

// "Parsons, William" is William Parsons.
std::optional<std::string> turned_round(const std::string& key) {
    auto comma = key.find(',');
    if (comma == std::string::npos) return std::nullopt;
    std::string last = trim(key.substr(0, comma)), first = trim(key.substr(comma + 1));
    if (last.empty() || first.empty()) return std::nullopt;
    return first + " " + last;
}

// A whole-name (or call-name) match outranks every part match, so only when
// no name is the whole key (an index look-up) are all names searched for it
// as a part, and only when no name holds it, for initials.
std::vector<Contact> name_matches(Store& store, const std::string& key, const std::string& said) {
    std::vector<std::string> keys{key};
    if (auto round = turned_round(key)) keys.push_back(*round);
    for (const auto& each : keys)
        if (auto whole = best_matches(store, by_whole_name, each); !whole.empty()) return whole;
    for (const auto& each : keys)
        if (auto part = best_matches(store, by_name_part, each); !part.empty()) return part;
    auto nearby = nearby_names(store, keys.back());
    if (!nearby.initials.empty()) return nearby.initials;
    std::string message = fmt::format("no contact matches '{}'", said);
    if (!nearby.near_misses.empty()) {
        constexpr std::size_t shown = 3;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < nearby.near_misses.size() && i < shown; ++i)
            names.push_back(describe(nearby.near_misses[i]));
        message += fmt::format("; did you mean {}?", join(names, " or "));
    }
    throw Error(message);
}

}  // namespace

std::int64_t resolve_who(Store& store, std::string_view who) {
    std::string text = trim(who);
    if (text.empty()) throw Error("an empty name matches nobody");
    if (auto id = as_id(text)) {
        if (!find_contact(store, *id)) throw Error(fmt::format("no contact #{}", *id));
        return *id;
    }
    std::vector<Contact> matches;
    if (looks_like_linkedin_url(text))
        matches = best_matches(store, by_linkedin, linkedin_key(text));
    else if (text.find('@') != std::string::npos)
        matches = best_matches(store, by_email, text);
    else
        matches = name_matches(store, fold(text), text);

    if (matches.empty()) throw Error(fmt::format("no contact matches '{}'", text));
    if (matches.size() == 1) return matches.front().id;

    constexpr std::size_t shown = 10;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < matches.size() && i < shown; ++i) names.push_back(describe(matches[i]));
    std::string more = matches.size() > shown ? fmt::format(" and {} more", matches.size() - shown) : "";
    throw Error(fmt::format("'{}' is ambiguous: {}{}; name one by id", text, join(names, ", "), more));
}

}  // namespace rolo
