// rolo log: record an interaction and an optional next step, or amend one.
// Usage: rolo-log(1).
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
    std::optional<std::string> who;
    std::vector<std::string> summary;
    std::optional<std::int64_t> amend;
    std::optional<std::string> todo;
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

void print_logged(const Context& context, const std::vector<Interaction>& rows, std::string_view verb) {
    for (const auto& entry : rows) {
        if (context.quiet)
            std::cout << entry.id << '\n';
        else
            std::cout << fmt::format("{} {} with #{} {} on {}{}\n", verb, entry.kind, entry.contact_id,
                                     entry.contact_name, format_date(entry.on),
                                     entry.next_on ? fmt::format(", next step {}", format_date(*entry.next_on)) : "");
    }
}

std::string checked_topic(const std::string& topic) {
    std::string trimmed = trim(topic);
    if (auto problem = unsayable(trimmed)) warn(fmt::format("--topic {}; drafts will leave it out", *problem));
    return trimmed;
}

// Only what was given changes; the person and the people with them stay.
void run_amend(Context& context, const CLI::App& command, const LogOptions& options) {
    if (!options.with.empty()) throw CLI::ValidationError("--with", "cannot be amended: unlog and log again");
    Date today = context.today();
    InteractionChange change;
    std::optional<LoggedKind> kind;
    if (command.count("--kind")) {
        kind = logged_kind(options.kind, context.settings().kind_words);
        change.kind = kind->kind;
    }
    if (command.count("--on")) change.on = parse_date(options.on, today);
    if (options.next) change.next_on = parse_date(*options.next, today);
    if (command.count("--topic")) change.topic = checked_topic(options.topic);
    if (options.todo) change.todo = trim(*options.todo);
    if (options.in || options.out) change.direction = options.in ? Direction::in : Direction::out;
    std::vector<std::string> words = options.summary;
    if (options.who) words.insert(words.begin(), *options.who);
    if (!words.empty()) change.summary = kind ? logged_summary(*kind, join(words, " ")) : join(words, " ");
    if (change.summary && trim(*change.summary).empty()) throw Error("empty summary; nothing amended");

    Store store = context.existing_store();
    auto transaction = store.transaction();
    auto rows = amend_interaction(store, *options.amend, change, today);
    transaction.commit();
    print_logged(context, rows, "amended");
}

void run_log(Context& context, const CLI::App& command, const LogOptions& options) {
    if (options.amend) return run_amend(context, command, options);
    if (!options.who) throw CLI::RequiredError("WHO");
    Date today = context.today();
    LoggedKind kind = logged_kind(options.kind, context.settings().kind_words);
    Interaction interaction;
    interaction.kind = kind.kind;
    interaction.on = parse_date(options.on, today, Weekday::last);
    if (interaction.on > today)
        warn(fmt::format("--on {} is in the future: logged, but it counts only from that day", format_date(interaction.on)));
    if (options.next) interaction.next_on = parse_date(*options.next, today);
    interaction.topic = checked_topic(options.topic);
    interaction.todo = trim(options.todo.value_or(""));
    if (!interaction.todo.empty() && !interaction.next_on)
        throw CLI::ValidationError("--todo", "needs --next: when you owe it (a date or a duration like 2w)");
    // They accepted your request: that touch came from them.
    bool incoming = options.in || (kind.kind == "accepted" && !options.out);
    interaction.direction = incoming ? Direction::in : Direction::out;

    Store store = context.store();
    std::vector<Contact> people{get_contact(store, resolve_who(store, *options.who))};
    for (const auto& who : options.with) people.push_back(get_contact(store, resolve_who(store, who)));

    std::string summary = join(options.summary, " ");
    if (summary.empty() && kind_needs_summary(kind.kind))
        summary = read_message(fmt::format(message_template, people[0].name));
    interaction.summary = logged_summary(kind, summary);
    if (interaction.summary.empty()) throw Error("empty summary; nothing logged");

    std::vector<std::int64_t> ids;
    for (const auto& person : people) ids.push_back(person.id);
    auto transaction = store.transaction();
    auto logged = log_group(store, interaction, ids, today);
    transaction.commit();
    print_logged(context, logged, "logged");
}

}  // namespace

void register_log(CLI::App& app, Context& context) {
    auto options = std::make_shared<LogOptions>();
    auto* command = app.add_subcommand("log", "Record an interaction (call, coffee, message...) and a next step");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name (with --amend, the summary's first word)");
    command->add_option("SUMMARY", options->summary, "What happened; read from stdin or $EDITOR when absent");
    command->add_option("--kind", options->kind,
                        "What it was (default note); lunch, dinner, drinks, video, text and your [kinds] are words for one")->type_name(interaction_kind_type());
    command->add_option("--on", options->on, "When it happened (default today; a weekday is the last one)");
    auto* in = command->add_flag("--in", options->in, "They reached out to you");
    auto* out = command->add_flag("--out", options->out, "You reached out (the default)");
    in->excludes(out);
    command->add_option("--next", options->next, "A follow-up you owe: a date or a duration like 2w");
    command->add_option("--topic", options->topic,
                        "What drafts may ask them about, said to them: \"your COO search\" (the summary stays private)");
    command->add_option("--with", options->with, "Someone else who was there (repeatable)")->allow_extra_args(false);
    command->add_option("--todo", options->todo,
                        "What you owe by --next, in your own words (private: drafts never say it)");
    command->add_option("--amend", options->amend, "Change interaction ID instead: only the fields given")
        ->check(CLI::PositiveNumber);
    command->callback([&context, command, options] { run_log(context, *command, *options); });
}

}  // namespace rolo::app
