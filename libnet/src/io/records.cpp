#include "rolo/records.hpp"

#include "rolo/fields.hpp"

namespace rolo {
Table contact_records(const std::vector<Contact>& contacts) {
    Table table;
    table.columns = contact_columns();
    for (const auto& c : contacts) table.add_row(contact_row(c));
    return table;
}

Table interaction_records(const std::vector<Interaction>& interactions) {
    Table table;
    table.columns = {"id",      "date",  "contact_id", "name",    "kind",    "direction", "summary",
                     "next_on", "topic", "by_rolo",    "todo",    "done_on", "group_id"};
    for (const auto& i : interactions)
        table.add_row({i.id, format_date(i.on), i.contact_id, text_cell(i.contact_name), text_cell(i.kind),
                       std::string(to_string(i.direction)), std::string(i.summary), date_cell(i.next_on), text_cell(i.topic), i.by_rolo,
                       text_cell(i.todo), date_cell(i.done_on), i.group_id ? Cell{*i.group_id} : Cell{}});
    return table;
}

Table acquaintance_records(const std::vector<Acquaintance>& people) {
    Table table;
    table.columns = {"id", "name", "company", "strength", "context"};
    for (const auto& p : people)
        table.add_row({p.id, text_cell(p.name), text_cell(p.company), std::int64_t{p.strength}, text_cell(p.context)});
    return table;
}

Table intro_records(const std::vector<Intro>& intros) {
    Table table;
    table.columns = {"id",       "kind",    "broker_id",      "broker", "target_id", "target",
                     "asked_on", "followed_up_on", "status", "reason",    "note"};
    for (const auto& i : intros)
        table.add_row({i.id, std::string(to_string(i.kind)), i.broker_id, text_cell(i.broker_name), i.target_id,
                       text_cell(i.target_name), format_date(i.asked_on), date_cell(i.followed_up_on),
                       std::string(to_string(i.status)), text_cell(i.reason), text_cell(i.note)});
    return table;
}

}  // namespace rolo
