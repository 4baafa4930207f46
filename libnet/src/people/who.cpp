#include "rolo/who.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"

#include <algorithm>
#include <charconv>

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
const std::string by_name_part = fmt::format(
    "SELECT id, name, company, archived, {0} = ?1 FROM contacts WHERE instr({0}, ?1) > 0", sql::folded_name);

// A whole-name match beats a substring; within each, active beats archived.
// Only the best rank that has any match counts.
std::vector<Contact> best_matches(Store& store, const std::string& query_text, const std::string& key) {
    SQLite::Statement query(store.db(), query_text);
    query.bind(1, key);
    std::vector<Candidate> candidates;
    while (query.executeStep()) {
        Candidate candidate;
        candidate.contact.id = query.getColumn(0).getInt64();
        candidate.contact.name = query.getColumn(1).getString();
        candidate.contact.company = sql::text(query.getColumn(2));
        bool archived = query.getColumn(3).getInt() != 0;
        bool exact = query.getColumn(4).getInt() != 0;
        candidate.rank = (exact ? 0 : 2) + (archived ? 1 : 0);
        candidates.push_back(std::move(candidate));
    }
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

// A whole-name match outranks every part match, so only when no name is the
// whole key (an index look-up) are all names searched for it as a part.
std::vector<Contact> name_matches(Store& store, const std::string& key) {
    auto whole = best_matches(store, by_whole_name, key);
    return whole.empty() ? best_matches(store, by_name_part, key) : whole;
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
        matches = name_matches(store, fold(text));

    if (matches.empty()) throw Error(fmt::format("no contact matches '{}'", text));
    if (matches.size() == 1) return matches.front().id;

    constexpr std::size_t shown = 10;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < matches.size() && i < shown; ++i) names.push_back(describe(matches[i]));
    std::string more = matches.size() > shown ? fmt::format(" and {} more", matches.size() - shown) : "";
    throw Error(fmt::format("'{}' is ambiguous: {}{}; name one by id", text, join(names, ", "), more));
}

}  // namespace rolo
