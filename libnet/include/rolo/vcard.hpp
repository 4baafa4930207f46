#pragma once
// A vCard 3.0 / 4.0 reader for the properties rolo keeps: FN, N, EMAIL, TEL,
// ORG, TITLE, URL, NOTE, CATEGORIES. Folded lines are unfolded, escaped
// characters (\, \; \n \\) unescaped, group prefixes (item1.EMAIL) ignored.
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

struct VCard {
    int line = 0;  // of its BEGIN:VCARD
    std::string name, email, phone, company, title, url, note;
    std::vector<std::string> categories;
};

// Throws Error naming the line of a card that is never ended.
std::vector<VCard> read_vcards(std::string_view text);

// One contact as a vCard 3.0, folded at 75 octets, with CRLF line ends.
std::string write_vcard(const VCard& card);

}  // namespace rolo
