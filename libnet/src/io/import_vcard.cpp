// vCard 3 and 4.
#include "import_rows.hpp"

#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include "rolo/card.hpp"
#include "rolo/vcard.hpp"

#include <fmt/format.h>

namespace rolo {

RowSource vcard_rows(std::string_view text) {
    return [cards = parse_cards(text), next = std::size_t{0}](ImportRow& row) mutable {
        if (next == cards.size()) return false;
        const Card& whole = cards[next++];
        VCard card = read_vcard(whole);
        std::string extra = lines_text(kept_lines(whole));
        std::string_view problem;
        for (const std::string* field : {&card.name, &card.email, &card.phone, &card.company, &card.title, &card.url,
                                         &card.note, &card.nickname, &card.location, &extra})
            if (problem.empty()) problem = text_problem(*field);
        for (const auto& category : card.categories)
            if (problem.empty()) problem = text_problem(category);
        fill_row(row, card.line, problem, [&](ContactChange& change) {
            set_trimmed(change.name, card.name);
            set_trimmed(change.call_name, card_call_name(card));
            set_trimmed(change.email, card.email);
            set_trimmed(change.phone, card.phone);
            set_trimmed(change.company, card.company);
            set_trimmed(change.title, card.title);
            if (looks_like_linkedin_url(card.url))
                set_trimmed(change.linkedin_url, card.url);
            set_trimmed(change.notes, card.note);
            change.add_tags = card.categories;
        });
        row.uid = card.uid;
        if (row.error.empty()) {
            row.location = card.location;
            row.card_extra = std::move(extra);
        }
        return true;
    };
}

}  // namespace rolo
