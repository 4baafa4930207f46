#include "rolo/search.hpp"

#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// The fields a query may name, and person_search's column for each.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> search_fields = {{
    {"name", "name"},
    {"company", "company"},
    {"title", "title"},
    {"met", "met"},
    {"interests", "interests"},
    {"notes", "notes"},
    {"tag", "tags"},
    {"tags", "tags"},
    {"email", "email"},
}};

std::optional<std::string_view> field_column(std::string_view name) {
    std::string folded = fold(name);
    for (const auto& [field, column] : search_fields)
        if (folded == field) return column;
    return std::nullopt;
}

// The tokenizer sees only letters and digits (and any non-ASCII character,
// which it may treat as a letter); text without one matches nothing.
bool has_word(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); });
}

// An FTS5 string: whatever it holds is text, never syntax.
std::string fts_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void append_term(std::string& expression, std::string term) {
    if (!expression.empty()) expression += ' ';
    expression += term;
}

// Reads a "phrase" starting at text[at] == '"' (an unclosed one runs to the end).
std::string_view read_phrase(std::string_view text, std::size_t& at) {
    std::size_t start = at + 1;
    std::size_t end = text.find('"', start);
    if (end == std::string_view::npos) end = text.size();
    at = std::min(end + 1, text.size());
    return text.substr(start, end - start);
}

std::string_view read_word(std::string_view text, std::size_t& at) {
    std::size_t start = at;
    while (at < text.size() && text[at] != '"' && !std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    return text.substr(start, at - start);
}

}  // namespace

SearchQuery SearchQuery::parse(std::string_view text) {
    SearchQuery query;
    std::size_t terms = 0;
    auto add = [&](std::string& expression, std::string term) {
        if (++terms > max_terms)
            throw Error(fmt::format("a search takes at most {} words, phrases and fields", max_terms));
        append_term(expression, std::move(term));
    };
    std::size_t at = 0;
    while (at < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[at]))) {
            ++at;
        } else if (text[at] == '"') {
            auto phrase = read_phrase(text, at);
            if (has_word(phrase)) add(query.words, fts_string(phrase));
        } else {
            auto word = read_word(text, at);
            auto colon = word.find(':');
            auto column = colon == std::string_view::npos ? std::nullopt : field_column(word.substr(0, colon));
            if (!column) {
                // Anything else, `-` and `NEAR(` and `a:b` too, is a word to find.
                if (has_word(word)) add(query.words, fts_string(word) + '*');
                continue;
            }
            auto value = word.substr(colon + 1);
            std::string term;
            if (value.empty() && at < text.size() && text[at] == '"') {
                auto phrase = read_phrase(text, at);
                if (has_word(phrase)) term = fts_string(phrase);
            } else if (has_word(value))
                term = fts_string(value) + '*';
            if (!term.empty()) add(query.fields, fmt::format("{} : {}", *column, term));
        }
    }
    if (query.words.empty() && query.fields.empty())
        throw Error(fmt::format("nothing to search for in '{}': give a word, a \"phrase\" or a field:value "
                                "(name, company, title, met, interests, notes, tag, email)",
                                text));
    return query;
}

namespace {

// What a snippet shows around a match: about this many tokens.
constexpr int snippet_tokens = 10;

// Ordered by FTS5's rank (bm25; person_search's weights are set by
// migration 6), which FTS5 sorts itself: SQLite then makes snippets for the
// rows returned only, not for every match of a common word.
std::string snippet_sql(std::string_view table) {
    return fmt::format("snippet({}, -1, char(2), char(3), '…', {})", table, snippet_tokens);
}

void add_people(Store& store, const SearchQuery& query, const SearchOptions& options, std::vector<SearchHit>& hits) {
    std::string expression = query.words;
    append_term(expression, query.fields);
    SQLite::Statement statement(
        store.db(), fmt::format("SELECT c.id, c.name, person_search.rank, {} FROM person_search "
                                "JOIN contacts c ON c.id = person_search.rowid "
                                "WHERE person_search MATCH ?1 AND (?2 OR c.archived = 0) "
                                "ORDER BY person_search.rank LIMIT ?3",
                                snippet_sql("person_search")));
    statement.bind(1, expression);
    statement.bind(2, options.archived ? 1 : 0);
    statement.bind(3, options.limit);
    while (statement.executeStep()) {
        SearchHit hit;
        hit.contact_id = statement.getColumn(0).getInt64();
        hit.name = statement.getColumn(1).getString();
        hit.score = statement.getColumn(2).getDouble();
        hit.snippet = statement.getColumn(3).getString();
        hits.push_back(std::move(hit));
    }
}

void add_history(Store& store, const SearchQuery& query, const SearchOptions& options, std::vector<SearchHit>& hits) {
    if (query.words.empty()) return;  // field filters describe people, not what was said
    std::string people = query.fields.empty()
                             ? std::string()
                             : "AND i.contact_id IN (SELECT rowid FROM person_search WHERE person_search MATCH ?4) ";
    SQLite::Statement statement(
        store.db(), fmt::format("SELECT i.id, i.contact_id, c.name, i.on_date, i.kind, interaction_search.rank, "
                                "{} FROM interaction_search JOIN interactions i ON i.id = interaction_search.rowid "
                                "JOIN contacts c ON c.id = i.contact_id "
                                "WHERE interaction_search MATCH ?1 AND (?2 OR c.archived = 0) {}"
                                "ORDER BY interaction_search.rank LIMIT ?3",
                                snippet_sql("interaction_search"), people));
    statement.bind(1, query.words);
    statement.bind(2, options.archived ? 1 : 0);
    statement.bind(3, options.limit);
    if (!query.fields.empty()) statement.bind(4, query.fields);
    while (statement.executeStep()) {
        SearchHit hit;
        hit.interaction_id = statement.getColumn(0).getInt64();
        hit.contact_id = statement.getColumn(1).getInt64();
        hit.name = statement.getColumn(2).getString();
        hit.on = parse_iso_date(statement.getColumn(3).getString());
        hit.kind = statement.getColumn(4).getString();
        hit.score = statement.getColumn(5).getDouble();
        hit.snippet = statement.getColumn(6).getString();
        hits.push_back(std::move(hit));
    }
}

}  // namespace

std::vector<SearchHit> search(Store& store, std::string_view text, const SearchOptions& options) {
    SearchQuery query = SearchQuery::parse(text);
    std::vector<SearchHit> hits;
    try {
        add_people(store, query, options, hits);
        add_history(store, query, options, hits);
    } catch (const SQLite::Exception& e) {
        // parse() quotes every term, so this is not the user's syntax.
        throw Error(fmt::format("search for '{}' failed: {}", text, e.what()));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
    if (hits.size() > static_cast<std::size_t>(options.limit)) hits.resize(static_cast<std::size_t>(options.limit));
    return hits;
}

void check_search_index(Store& store) {
    auto& db = store.db();
    for (const char* table : {"person_search", "interaction_search"}) {
        try {
            db.exec(fmt::format("INSERT INTO {0} ({0}, rank) VALUES ('integrity-check', 1)", table));
        } catch (const SQLite::Exception& e) {
            throw Error(fmt::format("{} fails FTS5's integrity-check: {}", table, e.what()));
        }
    }
    // person_search holds its own copy of the text: it must be person_text's.
    int differing =
        db.execAndGet("SELECT (SELECT count(*) FROM (SELECT rowid, * FROM person_search EXCEPT SELECT * FROM person_text)) + "
                      "(SELECT count(*) FROM (SELECT * FROM person_text EXCEPT SELECT rowid, * FROM person_search))")
            .getInt();
    if (differing != 0) throw Error(fmt::format("person_search differs from the people in {} rows", differing));
}

}  // namespace rolo
