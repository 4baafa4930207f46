#pragma once
// `rolo search`: one ranked list of people and interactions whose words
// match a query, through the FTS5 index migration 6 keeps (person_search,
// interaction_search).
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <vector>

namespace rolo {

class Store;

// A user's query as FTS5 expressions, every word and phrase a quoted string,
// so that no input is FTS5 syntax: words match as prefixes, "quoted phrases"
// as phrases, `field:value` only that field of a person (name, company,
// title, met, interests, notes, tag, email). Everything is ANDed. Words
// without a letter or digit are dropped; a query of nothing else, or of more
// than max_terms terms, is an Error.
struct SearchQuery {
    static constexpr std::size_t max_terms = 64;

    std::string words;   // the free words and phrases, matched anywhere
    std::string fields;  // the field filters, matched against people

    static SearchQuery parse(std::string_view text);
};

struct SearchHit {
    std::int64_t contact_id = 0;
    std::string name;
    std::optional<std::int64_t> interaction_id;  // a match in history; none: in the person
    std::optional<Date> on;
    std::string kind;     // the interaction's kind
    std::string snippet;  // matches between highlight_start and highlight_end (table.hpp)
    double score = 0;     // bm25: lower is better
};

struct SearchOptions {
    int limit = 50;
    bool archived = false;  // archived people (and their history) too
};

// People first matched on their name, then company, email, tags, title,
// met, interests, notes (bm25 weights), interleaved with history by score.
std::vector<SearchHit> search(Store& store, std::string_view query, const SearchOptions& options = {});

// Throws Error naming what is wrong when either FTS index disagrees with the
// rows it indexes or fails FTS5's own integrity-check.
void check_search_index(Store& store);

}  // namespace rolo
