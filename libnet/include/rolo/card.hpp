#pragma once
// A person as a vCard, the one mapping import, export, sync and merge use:
// each field of the contact table (fields.hpp) in its property (the standard
// ones where there is one, X-ROLO-* for rolo's own), and how a card that
// comes back changes the person. Everything else on a card is kept.
#include "rolo/contact.hpp"
#include "rolo/vcard.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Statement;
}

namespace rolo {

// What a card says of rolo's fields, by property ("FN", "EMAIL",
// "X-ROLO-MET", ...), as text; only the properties that have a value.
// Tags (CATEGORIES) are sorted and joined by newlines.
using CardFields = std::map<std::string, std::string>;

CardFields contact_fields(const Contact& contact);
CardFields card_fields(const Card& card);

// What the card's fields change: with `whole`, every field a card models
// (those the card lacks are cleared; its tags replace the person's) but the
// name, which only a card with a name sets; without, only those it has (an
// import). Throws Error naming the property of a value rolo refuses (a bad
// date in X-ROLO-MET-ON).
ContactChange card_change(const CardFields& fields, bool whole);

// The person with card_change(fields, whole). Throws Error for a value rolo
// refuses (a bad date in X-ROLO-MET-ON, a tag with ';').
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

// The lines of an imported card that rolo keeps with the person as they are
// (contacts.card_extra): all but its own (FN, N, UID, REV, CATEGORIES,
// X-ROLO-*, and the first EMAIL, TEL, ORG, TITLE, NOTE and LinkedIn URL).
// NICKNAME and ADR hold more than the call name and location rolo takes from
// them, so they are kept unless they are what rolo would write.
std::vector<CardLine> kept_lines(const Card& card);

// The card rolo writes for a person: card_from(fields) with the lines kept
// from an import after its own, in their order; a kept ADR or NICKNAME that
// says what rolo's says (the location, the call name) stands for it.
Card person_card(const CardFields& fields, const std::vector<CardLine>& kept, std::string_view uid, std::string_view rev);

// What a content line says, whatever its group, parameters, escaping or
// case ("EMAIL:ada@example.com"): two lines that say the same are one.
std::string line_says(const CardLine& line);

// The kept lines of a person merged with another: their own `kept` (of a
// card that says `fields`), then each of the other's `others` that says
// something that card does not (a property and value, whatever the
// parameters, group, escaping or case), once.
std::vector<CardLine> merged_lines(const CardFields& fields, const std::vector<CardLine>& kept,
                                   const std::vector<CardLine>& others);

// Each person's kept lines (lines_text), by id; people with none are absent.
std::unordered_map<std::int64_t, std::string> card_extras(Store& store);

// Each person's vCard UID, by id; people never given one are absent.
std::unordered_map<std::int64_t, std::string> card_uids(Store& store);

// Writes what a person keeps of an imported card, through statements
// prepared once.
class CardKeeper {
public:
    explicit CardKeeper(Store& store);
    ~CardKeeper();
    CardKeeper(const CardKeeper&) = delete;
    CardKeeper& operator=(const CardKeeper&) = delete;

    // The kept lines (lines_text); "" clears them.
    void set_lines(std::int64_t id, const std::string& lines);
    // The card's UID, which no one else may have.
    void set_uid(std::int64_t id, const std::string& uid);

private:
    std::unique_ptr<SQLite::Statement> lines_, uid_;
};

// What a card says they are called, for contacts.call_name: its NICKNAME,
// else N's given name when that says more than rolo would guess from FN.
std::string card_call_name(const VCard& card);

// "Family;Given;;;" for a name: the family name is what follows `given` when
// the name starts with it (the first name LinkedIn gives, "Fatima Zahra"), else
// the last word unless a particle (van, de, al, ...) starts it earlier.
std::string structured_name(std::string_view name, std::string_view given = {});

}  // namespace rolo
