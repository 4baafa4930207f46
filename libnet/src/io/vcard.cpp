#include "rolo/vcard.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rolo {
namespace {

struct Line {
    std::string text;
    int number;
};

// Where the value starts: the first ':' outside a quoted parameter value.
std::size_t value_colon(std::string_view content) {
    bool quoted = false;
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] == '"') quoted = !quoted;
        if (content[i] == ':' && !quoted) return i;
    }
    return std::string_view::npos;
}


bool quoted_printable(std::string_view content);

// Physical lines joined where a line break is followed by a space or tab,
// or (2.1) where a quoted-printable value ends in a soft line break '='.
std::vector<Line> unfold(std::string_view text) {
    std::vector<Line> lines;
    int number = 0;
    bool soft_break = false;
    for (auto& raw : split(text, '\n')) {
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        if (soft_break) {
            lines.back().text.pop_back();
            lines.back().text += raw;
        } else if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty()) {
            lines.back().text += raw.substr(1);
        } else {
            lines.push_back({raw, number});
        }
        const std::string& current = lines.back().text;
        soft_break = !current.empty() && current.back() == '=' && quoted_printable(current);
    }
    return lines;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string decode_quoted_printable(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        int high = i + 2 < value.size() && value[i] == '=' ? hex_digit(value[i + 1]) : -1;
        int low = high >= 0 ? hex_digit(value[i + 2]) : -1;
        if (low >= 0) {
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += value[i];
        }
    }
    return out;
}

std::string latin1_to_utf8(std::string_view text) {
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (byte >> 6));
            out += static_cast<char>(0x80 | (byte & 0x3F));
        }
    }
    return out;
}

// Raw newlines (from quoted-printable) as the escape 3.0 and 4.0 use.
std::string escape_newlines(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (text[i] == '\n' || text[i] == '\r')
            out += "\\n";
        else
            out += text[i];
    }
    return out;
}

// Splits on a separator that is not escaped (nor, for parameters, quoted).
std::vector<std::string> split_unescaped(std::string_view value, char separator) {
    std::vector<std::string> parts(1);
    bool quoted = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            parts.back() += value.substr(i, 2);
            ++i;
            continue;
        }
        if (value[i] == '"') quoted = !quoted;
        if (value[i] == separator && !quoted)
            parts.emplace_back();
        else
            parts.back() += value[i];
    }
    return parts;
}

bool is_quoted_printable_param(std::string_view param) {
    std::string folded = fold(param);
    return folded == "quoted-printable" || folded == "encoding=quoted-printable";
}

bool quoted_printable(std::string_view content) {
    auto colon = value_colon(content);
    if (colon == std::string_view::npos) return false;
    auto head = split_unescaped(content.substr(0, colon), ';');
    return std::any_of(head.begin() + 1, head.end(), is_quoted_printable_param);
}

// One content line as a CardLine, its value decoded and its parameters as
// 3.0 writes them: 2.1's bare TYPE values named, BASE64 as b, the encoding
// and charset of a value that is now plain UTF-8 dropped.
CardLine parse_line(std::string_view content, std::size_t colon) {
    CardLine line;
    auto head = split_unescaped(content.substr(0, colon), ';');
    std::string name = head[0];
    if (auto dot = name.rfind('.'); dot != std::string::npos) {
        line.group = name.substr(0, dot);
        name = name.substr(dot + 1);
    }
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    line.name = name;
    std::string value(content.substr(colon + 1));
    bool qp = false, latin1 = false;
    for (std::size_t i = 1; i < head.size(); ++i) {
        std::string param = head[i];
        std::string key = fold(param.substr(0, param.find('=')));
        std::string folded = fold(param);
        if (is_quoted_printable_param(param)) {
            qp = true;
            continue;
        }
        if (key == "charset") {
            latin1 = folded.find("8859-1") != std::string::npos || folded.find("1252") != std::string::npos ||
                     folded.find("latin") != std::string::npos;
            continue;
        }
        if (folded == "8bit" || folded == "encoding=8bit") continue;
        if (folded == "base64" || folded == "encoding=base64")
            param = "ENCODING=b";
        else if (param.find('=') == std::string::npos && !param.empty())
            param = "TYPE=" + param;
        if (!param.empty()) line.params += ";" + param;
    }
    if (qp) value = escape_newlines(decode_quoted_printable(value));
    // 2.1 folds base64 with indented lines; in the value they are only space.
    if (line.params.find(";ENCODING=b") != std::string::npos) std::erase_if(value, [](char c) { return c == ' ' || c == '\t'; });
    if (latin1) value = latin1_to_utf8(value);
    line.value = value;
    return line;
}

std::string line_text(const CardLine& line) {
    return (line.group.empty() ? "" : line.group + ".") + line.name + line.params + ":" + line.value;
}

// Folds a content line at 75 octets without splitting a UTF-8 sequence.
std::string fold_line(const std::string& line) {
    std::string out;
    std::size_t start = 0, limit = 75;
    while (line.size() - start > limit) {
        std::size_t cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out += line.substr(start, cut - start) + "\r\n ";
        start = cut;
        limit = 74;  // the leading space counts
    }
    return out + line.substr(start) + "\r\n";
}

}  // namespace

std::vector<Card> parse_cards(std::string_view text) {
    std::vector<Card> cards;
    bool open = false;
    for (const auto& [content, number] : unfold(text)) {
        auto colon = value_colon(content);
        if (colon == std::string::npos) continue;
        CardLine line = parse_line(content, colon);
        if (line.name == "BEGIN" && fold(trim(line.value)) == "vcard") {
            cards.push_back({number, "", {}});
            open = true;
        } else if (!open) {
            continue;
        } else if (line.name == "END") {
            open = false;
        } else if (line.name == "VERSION") {
            cards.back().version = trim(line.value);
        } else {
            cards.back().lines.push_back(std::move(line));
        }
    }
    if (open) throw Error(fmt::format("line {}: a vCard is never ended (no END:VCARD)", cards.back().line));
    return cards;
}

std::string write_card(const Card& card, std::string_view version) {
    std::string out = fmt::format("BEGIN:VCARD\r\nVERSION:{}\r\n", version);
    for (const auto& line : card.lines) out += fold_line(line_text(line));
    return out + "END:VCARD\r\n";
}

std::string unescape_value(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            char next = value[++i];
            out += next == 'n' || next == 'N' ? '\n' : next;
        } else {
            out += value[i];
        }
    }
    return out;
}

std::vector<std::string> value_components(std::string_view value, char separator) {
    std::vector<std::string> parts;
    for (const auto& part : split_unescaped(value, separator)) parts.push_back(unescape_value(part));
    return parts;
}

std::string escape_value(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c != '\r') out += c;
    }
    return out;
}

std::string lines_text(const std::vector<CardLine>& lines) {
    std::string out;
    for (const auto& line : lines) out += line_text(line) + "\n";
    return out;
}

std::vector<CardLine> parse_lines(std::string_view text) {
    if (trim_view(text).empty()) return {};
    return parse_cards(fmt::format("BEGIN:VCARD\n{}\nEND:VCARD\n", text)).front().lines;
}

std::string address_location(std::string_view value) {
    auto parts = value_components(value, ';');
    std::vector<std::string> place, other;
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (!trim_view(parts[i]).empty()) (i == 3 || i == 4 || i == 6 ? place : other).push_back(parts[i]);
    return join(place.empty() ? other : place, ", ");
}

VCard read_vcard(const Card& card) {
    VCard v;
    v.line = card.line;
    std::string family;
    auto first_unset = [](std::string& field, std::string_view value) {
        if (field.empty()) field = trim(unescape_value(value));
    };
    for (const auto& line : card.lines) {
        const std::string& name = line.name;
        if (name == "FN") {
            first_unset(v.name, line.value);
        } else if (name == "N") {
            auto parts = value_components(line.value, ';');
            family = trim(parts[0]);
            v.given = parts.size() > 1 ? trim(parts[1]) : "";
        } else if (name == "NICKNAME") {
            if (v.nickname.empty()) v.nickname = trim(value_components(line.value, ',')[0]);
        } else if (name == "EMAIL") {
            first_unset(v.email, line.value);
        } else if (name == "TEL") {
            first_unset(v.phone, line.value);
        } else if (name == "ORG") {
            if (v.company.empty()) v.company = trim(value_components(line.value, ';')[0]);
        } else if (name == "TITLE") {
            first_unset(v.title, line.value);
        } else if (name == "ADR") {
            if (v.location.empty()) v.location = address_location(line.value);
        } else if (name == "URL") {
            // A LinkedIn profile wins over any other URL.
            std::string url = trim(unescape_value(line.value));
            if (v.url.empty() || (looks_like_linkedin_url(url) && !looks_like_linkedin_url(v.url))) v.url = url;
        } else if (name == "NOTE") {
            first_unset(v.note, line.value);
        } else if (name == "UID") {
            first_unset(v.uid, line.value);
        } else if (name == "CATEGORIES") {
            for (const auto& category : value_components(line.value, ','))
                if (auto tag = trim(category); !tag.empty()) v.categories.push_back(tag);
        }
    }
    if (v.name.empty()) v.name = trim(v.given + " " + family);
    return v;
}

std::vector<VCard> read_vcards(std::string_view text) {
    std::vector<VCard> out;
    for (const auto& card : parse_cards(text)) out.push_back(read_vcard(card));
    return out;
}

}  // namespace rolo
