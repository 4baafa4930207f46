#pragma once
// vCard 2.1, 3.0 and 4.0 as content lines. Reading unfolds lines (CRLF or
// LF), decodes 2.1's quoted-printable (soft line breaks, ISO-8859-1) and
// turns 2.1's bare parameters into TYPE=, so that every line can be written
// again as 3.0 or 4.0 unchanged in meaning. VCard and read_vcards are the
// import's view: the first value of each property rolo keeps.
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

// One content line, unfolded: [group.]NAME[;params]:value.
struct CardLine {
    std::string group;   // "item1" of item1.EMAIL, or ""
    std::string name;    // upper case: "EMAIL"
    std::string params;  // as written, with the leading ';', or ""
    std::string value;   // escaped as in 3.0 (\n \, \; \\)

    bool operator==(const CardLine&) const = default;
};

struct Card {
    int line = 0;              // of its BEGIN:VCARD
    std::string version;       // "2.1", "3.0", "4.0", or "" when the card says none
    std::vector<CardLine> lines;  // between BEGIN and END, without VERSION
};

// Throws Error naming the line of a card that is never ended.
std::vector<Card> parse_cards(std::string_view text);

// The card, VERSION first, folded at 75 octets, with CRLF line ends.
std::string write_card(const Card& card, std::string_view version);

// A text value unescaped; components split on an unescaped separator.
std::string unescape_value(std::string_view value);
std::vector<std::string> value_components(std::string_view value, char separator);
// Text as a value: \ , ; and newlines escaped.
std::string escape_value(std::string_view text);

// Content lines as text, one a line (unfolded, LF ends), and back: how a
// person keeps the lines of a card that rolo does not model.
std::string lines_text(const std::vector<CardLine>& lines);
std::vector<CardLine> parse_lines(std::string_view text);

// Where an ADR value says someone is, as people write it: its locality,
// region and country ("Rabat, Morocco"); an address with none of those is
// its other parts ("PO Box 7, 12 Main St").
std::string address_location(std::string_view value);

struct VCard {
    int line = 0;  // of its BEGIN:VCARD
    std::string name, email, phone, company, title, url, note, uid;
    // N's given name, the first NICKNAME, and where the first ADR says they are.
    std::string given, nickname, location;
    std::vector<std::string> categories;
};

// The import's view of one card.
VCard read_vcard(const Card& card);

// Throws Error naming the line of a card that is never ended.
std::vector<VCard> read_vcards(std::string_view text);

}  // namespace rolo
