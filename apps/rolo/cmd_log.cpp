// rolo log: record an interaction and an optional next step. Usage: rolo-log(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/phrase.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/text.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct LogOptions {
    std::string who;
    std::vector<std::string> summary;
    std::string kind = "note";
    std::string on = "today";
    bool in = false;
    bool out = false;
    std::optional<std::string> next;
    std::string topic;
    std::vector<std::string> with;
};

constexpr const char* message_template = R"(
# Write what happened with {} above; lines starting with '#' are ignored.
# An empty message aborts the log.
)";

void run_log(Context& context, const LogOptions& options) {
    Date today = context.today();
    check_interaction_kind(options.kind);
    Interaction interaction;
    interaction.kind = options.kind;
    interaction.on = parse_date(options.on, today, Weekday::last);
    if (interaction.on > today)
        warn(fmt::format("--on {} is in the future: logged, but it counts only from that day", format_date(interaction.on)));
    if (options.next) interaction.next_on = parse_date(*options.next, today);
    interaction.topic = trim(options.topic);
    if (auto problem = unsayable(interaction.topic)) warn(fmt::format("--topic {}; drafts will leave it out", *problem));
    // They accepted your request: that touch came from them.
    bool incoming = options.in || (options.kind == "accepted" && !options.out);
    interaction.direction = incoming ? Direction::in : Direction::out;

    Store store = context.store();
    std::vector<Contact> people{get_contact(store, resolve_who(store, options.who))};
    for (const auto& who : options.with) people.push_back(get_contact(store, resolve_who(store, who)));

    interaction.summary = join(options.summary, " ");
    if (interaction.summary.empty()) interaction.summary = read_message(fmt::format(message_template, people[0].name));
    if (trim(interaction.summary).empty()) throw Error("empty summary; nothing logged");

    auto transaction = store.transaction();
    std::vector<Interaction> logged;
    for (const auto& person : people) {
        Interaction copy = interaction;
        copy.contact_id = person.id;
        log_interaction(store, copy, today);
        logged.push_back(copy);
    }
    transaction.commit();

    for (const auto& entry : logged) {
        if (context.quiet)
            std::cout << entry.id << '\n';
        else
            std::cout << fmt::format("logged {} with #{} {} on {}{}\n", entry.kind, entry.contact_id,
                                     entry.contact_name, format_date(entry.on),
                                     entry.next_on ? fmt::format(", next step {}", format_date(*entry.next_on)) : "");
    }
}

}  // namespace

void register_log(CLI::App& app, Context& context) {
    auto options = std::make_shared<LogOptions>();
    auto* command = app.add_subcommand("log", "Record an interaction (call, coffee, message...) and a next step");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    command->add_option("SUMMARY", options->summary, "What happened; read from stdin or $EDITOR when absent");
    command->add_option("--kind", options->kind, "What it was (default note)")->type_name(interaction_kind_type());
    command->add_option("--on", options->on, "When it happened (default today; a weekday is the last one)");
    auto* in = command->add_flag("--in", options->in, "They reached out to you");
    auto* out = command->add_flag("--out", options->out, "You reached out (the default)");
    in->excludes(out);
    command->add_option("--next", options->next, "A follow-up you owe: a date or a duration like 2w");
    command->add_option("--topic", options->topic,
                        "What drafts may ask them about, said to them: \"your COO search\" (the summary stays private)");
    command->add_option("--with", options->with, "Someone else who was there (repeatable)")->allow_extra_args(false);
    command->callback([&context, options] { run_log(context, *options); });
}

}  // namespace rolo::app
