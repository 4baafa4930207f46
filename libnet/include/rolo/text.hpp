#pragma once
// Small UTF-8 text helpers shared by name matching, output and parsing.
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

// Case- and accent-insensitive key: ASCII lowercased, Latin letters with
// diacritics (U+00C0..U+017F) reduced to their base letters, combining marks
// dropped. Other scripts pass through unchanged.
std::string fold(std::string_view text);

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

// Terminal columns the text takes: wide East Asian characters and emoji take
// two, combining and zero-width marks none.
std::size_t display_width(std::string_view text);

// Unicode code points in the text (invalid bytes count one each).
std::size_t code_points(std::string_view text);

// Comparable form of a LinkedIn profile URL: no scheme, no "www.", no query,
// no trailing slash, lowercase.
std::string linkedin_key(std::string_view url);

bool looks_like_linkedin_url(std::string_view text);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

std::vector<std::string> split(std::string_view text, char separator);

}  // namespace rolo
