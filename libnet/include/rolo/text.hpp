#pragma once
// Small UTF-8 text helpers shared by name matching, output and parsing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

// Case- and accent-insensitive key: ASCII lowercased, Latin letters with
// diacritics (U+00C0..U+017F) reduced to their base letters, combining marks
// dropped. Other scripts pass through unchanged.
std::string fold(std::string_view text);

// Tags that differ only in ASCII case ("ML", "ml") are one tag, as the tags
// table's COLLATE NOCASE compares them.
bool tag_less(std::string_view a, std::string_view b);
bool same_tag(std::string_view a, std::string_view b);
struct TagLess {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return tag_less(a, b); }
};

// Without leading and trailing ASCII white space, as a view into `text`
// (inline: an import trims every field of every row).
inline std::string_view trim_view(std::string_view text) {
    auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

// The same, as a string.
std::string trim(std::string_view text);

bool valid_utf8(std::string_view text);

// Why imported text cannot be stored ("not valid UTF-8", "contains a NUL
// byte": SQLite and every reader of its text stop at a NUL), or "" when it can.
std::string_view text_problem(std::string_view text);

// A 64-bit FNV-1a hash, the same on every machine and in every version:
// imports key stored rows with it (a message's key, a purge mark).
inline std::int64_t stable_hash(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
    return static_cast<std::int64_t>(hash);
}

// Terminal columns the text takes: wide East Asian characters and emoji take
// two, combining and zero-width marks none.
std::size_t display_width(std::string_view text);

// The text cut to at most `width` terminal columns, ending in "…" when it
// was cut; a wide character that would straddle the edge is left out.
std::string fit_width(std::string_view text, std::size_t width);

// The Levenshtein distance between two byte strings: how a mistyped command
// or option finds what was meant.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Unicode code points in the text (invalid bytes count one each).
std::size_t code_points(std::string_view text);

// Comparable form of a LinkedIn profile URL: no scheme, no "www.", no query,
// no trailing slash, lowercase.
std::string linkedin_key(std::string_view url);

bool looks_like_linkedin_url(std::string_view text);

// The text as it may be shown on a terminal: control characters (C0 but
// newline and tab, DEL, C1 U+0080..U+009F) and bytes that are not UTF-8 are
// written as the escapes \xNN and \u00NN, so that data can neither move the
// cursor, retitle the window, nor hide text. CR before LF is dropped. With
// `one_line`, newline, tab and CR become spaces. Printable text and what it
// escapes to come out unchanged, so applying it twice changes nothing more.
std::string terminal_text(std::string_view text, bool one_line = false);

// Bytes at the end of `text` that begin a UTF-8 sequence it does not finish.
std::size_t unfinished_utf8(std::string_view text);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

std::vector<std::string> split(std::string_view text, char separator);

// Whether `name` starts with the words `first`, as written: "Fatima Zahra"
// starts "Fatima Zahra El Amrani", "Fati" does not.
bool starts_with_words(std::string_view name, std::string_view first);

}  // namespace rolo
