#include "rolo/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#include <fmt/format.h>

namespace rolo {
namespace {

struct Decoded {
    char32_t cp;
    bool valid;
};

// Decodes one code point at `pos`, advancing it. An invalid byte decodes as
// itself, one at a time, marked invalid, so that nothing is lost.
Decoded decode(std::string_view text, std::size_t& pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(pos);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 1) {
        ++pos;
        return {lead, true};
    }
    if (length == 0 || pos + length > text.size()) return {byte(pos++), false};
    char32_t cp = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return {byte(pos++), false};
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    pos += length;
    constexpr std::array<char32_t, 5> min_for_length = {0, 0, 0x80, 0x800, 0x10000};
    bool valid = cp >= min_for_length[length] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    return {cp, valid};
}

// The eight bytes from `pos` are all ASCII.
bool ascii_word_at(std::string_view text, std::size_t pos) {
    if (pos + 8 > text.size()) return false;
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + pos, 8);
    return !(word & 0x8080808080808080);
}

char32_t next_code_point(std::string_view text, std::size_t& pos) { return decode(text, pos).cp; }

// Base letters for U+00C0..U+00FF.
constexpr std::array<const char*, 64> latin1_base = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters for U+0100..U+017F, as runs of equal base letters.
constexpr std::array<std::pair<int, const char*>, 22> latin_extended_a_runs = {{
    {6, "a"}, {8, "c"}, {4, "d"}, {10, "e"}, {8, "g"}, {4, "h"}, {10, "i"}, {2, "ij"},
    {2, "j"}, {3, "k"}, {10, "l"}, {9, "n"}, {6, "o"}, {2, "oe"}, {6, "r"}, {8, "s"},
    {6, "t"}, {12, "u"}, {2, "w"}, {3, "y"}, {6, "z"}, {1, "s"}}};

const char* latin_base(char32_t cp) {
    if (cp >= 0xC0 && cp <= 0xFF) return latin1_base[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) {
        int offset = static_cast<int>(cp - 0x100);
        for (auto [count, base] : latin_extended_a_runs) {
            if (offset < count) return base;
            offset -= count;
        }
    }
    return nullptr;
}

bool is_zero_width(char32_t cp) {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFE0F ||
           cp == 0x200D;
}

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

std::size_t columns_of(char32_t cp) { return is_zero_width(cp) ? 0 : is_wide(cp) ? 2 : 1; }

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    // ASCII, as most emails and URLs are, needs only lowercasing.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        out.resize(text.size());
        std::transform(text.begin(), text.end(), out.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; });
        return out;
    }
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        auto [cp, valid] = decode(text, pos);
        if (!valid) {
            out.append(text.substr(start, pos - start));
        } else if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
        } else if (const char* base = latin_base(cp)) {
            out += base;
        } else if (!(cp >= 0x300 && cp <= 0x36F)) {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::string trim(std::string_view text) { return std::string(trim_view(text)); }

bool valid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (ascii_word_at(text, pos))
            pos += 8;  // most imported text is ASCII
        else if (static_cast<unsigned char>(text[pos]) < 0x80)
            ++pos;
        else if (!decode(text, pos).valid)
            return false;
    }
    return true;
}

std::string_view text_problem(std::string_view text) {
    if (!valid_utf8(text)) return "not valid UTF-8";
    if (text.find('\0') != std::string_view::npos) return "contains a NUL byte";
    return {};
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = next_code_point(text, pos);
        width += columns_of(cp);
    }
    return width;
}

std::string fit_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    std::size_t used = 0, end = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = next_code_point(text, pos);
        std::size_t cp_width = columns_of(cp);
        if (used + cp_width > width - 1) break;  // one column stays for the ellipsis
        used += cp_width;
        end = pos;
    }
    std::string_view kept = text.substr(0, end);
    while (kept.ends_with(' ')) kept.remove_suffix(1);  // "call about…", not "call about …"
    return std::string(kept) + "…";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) next_code_point(text, pos);
    return count;
}

std::string linkedin_key(std::string_view url) {
    std::string key = fold(trim_view(url));
    std::string_view rest = key;
    for (std::string_view prefix : {"https://", "http://", "www."})
        if (rest.starts_with(prefix)) rest.remove_prefix(prefix.size());
    rest = rest.substr(0, std::min(rest.find('?'), rest.find('#')));
    while (rest.ends_with('/')) rest.remove_suffix(1);
    auto begin = static_cast<std::size_t>(rest.data() - key.data());
    key.erase(begin + rest.size());
    key.erase(0, begin);
    return key;
}

bool looks_like_linkedin_url(std::string_view text) {
    return linkedin_key(text).find("linkedin.com/") != std::string::npos;
}

std::string terminal_text(std::string_view text, bool one_line) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        auto [cp, valid] = decode(text, pos);
        bool line_break = cp == '\n' || cp == '\t' || cp == '\r';
        if (!valid)
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        else if (one_line && line_break)
            out += ' ';
        else if (cp == '\r' && pos < text.size() && text[pos] == '\n')
            continue;
        else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F)
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        else if (cp >= 0x80 && cp <= 0x9F)
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

std::size_t unfinished_utf8(std::string_view text) {
    for (std::size_t back = 1; back <= std::min<std::size_t>(3, text.size()); ++back) {
        auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        std::size_t length = (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            parts.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

bool tag_less(std::string_view a, std::string_view b) {
    auto lower = [](char x) { return x >= 'A' && x <= 'Z' ? static_cast<char>(x - 'A' + 'a') : x; };
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [&](char x, char y) { return static_cast<unsigned char>(lower(x)) <
                                                                     static_cast<unsigned char>(lower(y)); });
}

bool same_tag(std::string_view a, std::string_view b) { return !tag_less(a, b) && !tag_less(b, a); }

bool starts_with_words(std::string_view name, std::string_view first) {
    return !first.empty() && name.starts_with(first) && (name.size() == first.size() || name[first.size()] == ' ');
}

}  // namespace rolo
