// vCard 3 and 4, read through the one mapping of card.hpp: the standard
// properties and rolo's X-ROLO-* ones, as sync writes them.
#include "import_rows.hpp"

#include "rolo/card.hpp"
#include "rolo/error.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"

#include <fmt/format.h>

namespace rolo {

RowSource vcard_rows(std::string_view text) {
    return [cards = parse_cards(text), next = std::size_t{0}](ImportRow& row) mutable {
        if (next == cards.size()) return false;
        const Card& whole = cards[next++];
        CardFields fields = card_fields(whole);
        std::string extra = lines_text(kept_lines(whole));
        std::string_view problem = text_problem(extra);
        for (const auto& [property, value] : fields)
            if (problem.empty()) problem = text_problem(value);
        fill_row(row, whole.line, problem, [&](ContactChange& change) {
            change = card_change(fields, false);
            // No NICKNAME: N's given name when it says more than a greeting would guess.
            if (!change.call_name)
                if (auto call = card_call_name(read_vcard(whole)); !call.empty()) change.call_name = call;
            // Any URL but a LinkedIn profile is one of the card's own lines.
            if (change.linkedin_url && !looks_like_linkedin_url(*change.linkedin_url)) change.linkedin_url.reset();
        });
        row.uid = card_uid(whole);
        if (row.error.empty()) {
            // Where the card's address says they are: for someone with no location (import_upsert.hpp).
            if (row.change.location) row.location = *row.change.location;
            row.change.location.reset();
            row.card_extra = std::move(extra);
        }
        return true;
    };
}

}  // namespace rolo
