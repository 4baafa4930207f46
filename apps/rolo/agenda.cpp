#include "agenda.hpp"

#include "rolo/intro.hpp"
#include "rolo/records.hpp"
#include "rolo/text.hpp"

#include <iostream>
#include <utility>

#include <fmt/format.h>

namespace rolo::app {
namespace {

struct AgendaSection {
    std::string heading;
    Table table;
    std::string when_empty;  // said instead of an empty table
};

std::vector<AgendaSection> agenda_sections(Context& context, Store& store) {
    std::vector<AgendaSection> sections;
    DueQuery today{.today = context.today()};
    sections.push_back({"Due", due_table(compute_due(store, today, context.settings())),
                        nobody_due(&store, today, context.settings())});
    Table intros = intro_records(list_intros(store, IntroStatus::open));
    intros.droppable = {"note", "reason", "followed_up_on", "broker_id", "target_id", "status", "kind"};
    sections.push_back({"Open intros", std::move(intros), "No open intros."});
    // Each further part of the day (todos) is one more section here.
    return sections;
}

}  // namespace

void show_agenda(Context& context) {
    auto store = context.open_existing_store();
    if (!store) {
        std::cout << "rolo knows nobody yet: add someone with 'rolo add NAME', or start with 'rolo init'.\n"
                     "'rolo help' lists the commands.\n";
        return;
    }
    std::string text;
    for (const auto& section : agenda_sections(context, *store)) {
        if (!text.empty()) text += '\n';
        if (section.table.rows.empty())
            text += terminal_text(section.when_empty) + '\n';
        else
            text += fmt::format("{} ({})\n{}", section.heading, section.table.rows.size(),
                                render(section.table, Format::table, context.color_enabled(), context.width()));
    }
    context.print_styled(text);
}

}  // namespace rolo::app
