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

// Physical lines joined where a line break is followed by a space or tab.
std::vector<Line> unfold(std::string_view text) {
    std::vector<Line> lines;
    int number = 0;
    for (auto& raw : split(text, '\n')) {
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty())
            lines.back().text += raw.substr(1);
        else
            lines.push_back({raw, number});
    }
    return lines;
}

std::string unescape(std::string_view value) {
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

// Splits on a separator that is not escaped.
std::vector<std::string> split_unescaped(std::string_view value, char separator) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            parts.back() += value.substr(i, 2);
            ++i;
        } else if (value[i] == separator) {
            parts.emplace_back();
        } else {
            parts.back() += value[i];
        }
    }
    return parts;
}

std::string escape(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c != '\r') out += c;
    }
    return out;
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

std::vector<VCard> read_vcards(std::string_view text) {
    std::vector<VCard> cards;
    bool open = false;
    std::string family, given;
    for (const auto& [content, number] : unfold(text)) {
        auto colon = content.find(':');
        if (colon == std::string::npos) continue;
        std::string key = content.substr(0, colon);
        std::string value = content.substr(colon + 1);
        std::string name = fold(key.substr(0, key.find(';')));
        if (auto dot = name.find('.'); dot != std::string::npos) name = name.substr(dot + 1);
        if (name == "begin" && fold(trim(value)) == "vcard") {
            cards.push_back({});
            cards.back().line = number;
            open = true;
            family.clear();
            given.clear();
            continue;
        }
        if (!open) continue;
        VCard& card = cards.back();
        auto first_unset = [&](std::string& field, const std::string& v) {
            if (field.empty()) field = trim(unescape(v));
        };
        if (name == "end") {
            if (card.name.empty()) card.name = trim(given + " " + family);
            open = false;
        } else if (name == "fn") {
            first_unset(card.name, value);
        } else if (name == "n") {
            auto parts = split_unescaped(value, ';');
            family = trim(unescape(parts[0]));
            given = parts.size() > 1 ? trim(unescape(parts[1])) : "";
        } else if (name == "email") {
            first_unset(card.email, value);
        } else if (name == "tel") {
            first_unset(card.phone, value);
        } else if (name == "org") {
            first_unset(card.company, split_unescaped(value, ';')[0]);
        } else if (name == "title") {
            first_unset(card.title, value);
        } else if (name == "url") {
            // A LinkedIn profile wins over any other URL.
            std::string url = trim(unescape(value));
            if (card.url.empty() || (looks_like_linkedin_url(url) && !looks_like_linkedin_url(card.url))) card.url = url;
        } else if (name == "note") {
            first_unset(card.note, value);
        } else if (name == "categories") {
            for (const auto& category : split_unescaped(value, ','))
                if (auto tag = trim(unescape(category)); !tag.empty()) card.categories.push_back(tag);
        }
    }
    if (open) throw Error(fmt::format("line {}: a vCard is never ended (no END:VCARD)", cards.back().line));
    return cards;
}

std::string write_vcard(const VCard& card) {
    std::string out = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    auto property = [&](std::string_view name, const std::string& value) {
        if (!value.empty()) out += fold_line(fmt::format("{}:{}", name, value));
    };
    property("FN", escape(card.name));
    auto space = card.name.rfind(' ');
    std::string family = space == std::string::npos ? card.name : card.name.substr(space + 1);
    std::string given = space == std::string::npos ? "" : card.name.substr(0, space);
    property("N", escape(family) + ";" + escape(given) + ";;;");
    property("EMAIL", escape(card.email));
    property("TEL", escape(card.phone));
    property("ORG", escape(card.company));
    property("TITLE", escape(card.title));
    property("URL", escape(card.url));
    property("NOTE", escape(card.note));
    std::vector<std::string> categories;
    for (const auto& category : card.categories) categories.push_back(escape(category));
    property("CATEGORIES", join(categories, ","));
    return out + "END:VCARD\r\n";
}

}  // namespace rolo
