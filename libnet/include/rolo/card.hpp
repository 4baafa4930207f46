#pragma once
// A person as a vCard: which property holds which of rolo's fields (the
// standard ones where there is one, X-ROLO-* for rolo's own), and how a card
// that comes back changes the person. Everything else on a card is kept.
#include "rolo/contact.hpp"
#include "rolo/vcard.hpp"

#include <map>
#include <string>
#include <string_view>

namespace rolo {

// What a card says of rolo's fields, by property ("FN", "EMAIL",
// "X-ROLO-MET", ...), as text; only the properties that have a value.
// Tags (CATEGORIES) are sorted and joined by newlines.
using CardFields = std::map<std::string, std::string>;

CardFields contact_fields(const Contact& contact);
CardFields card_fields(const Card& card);

// Sets every field a card models on the person (those the card lacks are
// cleared) but the name, which only a card with a name sets. Throws Error
// for a value rolo refuses (a bad date in X-ROLO-MET-ON, a tag with ';').
void apply_fields(Contact& contact, const CardFields& fields);

// The card for `fields`: each line of `base` whose value is unchanged stays
// as it was (parameters, order, groups), changed ones are replaced, emptied
// ones dropped, new ones added, and every property rolo does not model (a
// second EMAIL, PHOTO, X-ANDROID-...) is kept. N follows FN; UID and REV are set.
Card card_from(const CardFields& fields, const Card& base, std::string_view uid, std::string_view rev);

// A stamp ("2026-11-24 10:00:00", or a card's REV in any of vCard's forms) as
// 14 digits, comparable as text; "" for none.
std::string rev_digits(std::string_view stamp);

// The digits as a vCard REV: 20261124T100000Z.
std::string rev_text(std::string_view digits);

// The card's UID, unescaped, or "".
std::string card_uid(const Card& card);

// "Family;Given;;;" for a name: the last word is the family name unless a
// particle (van, de, al, ...) starts it earlier.
std::string structured_name(std::string_view name);

}  // namespace rolo
