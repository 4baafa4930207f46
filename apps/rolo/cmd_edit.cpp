// rolo edit: change what rolo knows about a person, by options or, with
// none, on a card in $EDITOR (as khard edit). Usage: rolo-edit(1).
#include "common.hpp"
#include "contact_options.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"
#include "rolo/who.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct EditOptions {
    std::string who;
    std::optional<std::string> name;
    ContactOptions contact;
    std::vector<std::string> untags;
    bool connected = false;
    bool restore = false;
    bool force = false;
    std::optional<std::string> add_note;
    bool in_editor = false;  // no option given: the card goes to the editor
};

// The fields of the card, each a `field: value` line; a value goes on over
// lines that begin with two spaces (notes of several lines).
struct CardField {
    std::string_view name;
    std::string (*value)(const Contact&);
    std::optional<std::string> ContactOptions::*option;  // null for name and tags
};

const std::vector<CardField>& card_fields() {
    static const std::vector<CardField> fields = {
        {"name", [](const Contact& c) { return c.name; }, nullptr},
        {"call", [](const Contact& c) { return c.call_name; }, &ContactOptions::call},
        {"email", [](const Contact& c) { return c.email; }, &ContactOptions::email},
        {"phone", [](const Contact& c) { return c.phone; }, &ContactOptions::phone},
        {"company", [](const Contact& c) { return c.company; }, &ContactOptions::company},
        {"title", [](const Contact& c) { return c.title; }, &ContactOptions::title},
        {"location", [](const Contact& c) { return c.location; }, &ContactOptions::location},
        {"linkedin", [](const Contact& c) { return c.linkedin_url; }, &ContactOptions::linkedin},
        {"met", [](const Contact& c) { return c.met_at; }, &ContactOptions::met},
        {"met_on", [](const Contact& c) { return c.met_on ? format_date(*c.met_on) : ""; }, &ContactOptions::met_on},
        {"interests", [](const Contact& c) { return c.interests; }, &ContactOptions::interests},
        {"every", [](const Contact& c) { return c.every ? format_every(*c.every) : ""; }, &ContactOptions::every},
        {"tags", [](const Contact& c) { return join(c.tags, ", "); }, nullptr},
        {"notes", [](const Contact& c) { return c.notes; }, &ContactOptions::note},
    };
    return fields;
}

std::string card_text(const Contact& contact) {
    std::string text = fmt::format("# {}: change what you like, save and quit; an empty value clears a field.\n"
                                   "# A line that begins with two spaces goes on with the field above.\n",
                                   describe(contact));
    for (const auto& field : card_fields()) {
        std::string value = field.value(contact);
        for (std::size_t at = 0; (at = value.find('\n', at)) != std::string::npos; at += 3) value.insert(at + 1, "  ");
        text += fmt::format("{}: {}\n", field.name, value);
    }
    return text;
}

// The card as it came back from the editor, as the options that say what changed.
EditOptions read_card(const std::string& text, const Contact& before) {
    std::map<std::string, std::string, std::less<>> values;
    std::string* last = nullptr;
    int number = 0;
    for (const auto& line : split(text, '\n')) {
        ++number;
        if (line.starts_with('#') || trim(line).empty()) continue;
        if (line.starts_with("  ") && last) {
            *last += "\n" + line.substr(2);
            continue;
        }
        auto colon = line.find(':');
        std::string name = trim(line.substr(0, colon));
        bool known = std::any_of(card_fields().begin(), card_fields().end(),
                                 [&](const CardField& field) { return field.name == name; });
        if (colon == std::string::npos || !known)
            throw Error(fmt::format("card:{}: expected 'field: value' with a field of the card, not '{}'; nothing changed",
                                    number, line));
        last = &(values[name] = trim(line.substr(colon + 1)));
    }
    if (values.empty()) throw Error("the card came back empty; nothing changed");
    EditOptions options;
    for (const auto& field : card_fields()) {
        auto found = values.find(field.name);
        std::string value = found == values.end() ? "" : found->second;  // a deleted line clears its field
        if (value == field.value(before)) continue;
        if (field.option)
            options.contact.*field.option = value;
        else if (field.name == "name")
            options.name = value;
    }
    std::vector<std::string> tags;
    for (const auto& tag : split(values["tags"], ','))
        if (!trim(tag).empty()) tags.push_back(trim(tag));
    for (const auto& tag : tags)
        if (std::find(before.tags.begin(), before.tags.end(), tag) == before.tags.end()) options.contact.tags.push_back(tag);
    for (const auto& tag : before.tags)
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) options.untags.push_back(tag);
    return options;
}

void run_edit(Context& context, const EditOptions& given) {
    Date today = context.today();
    Store store = context.store();
    std::int64_t id = resolve_who(store, given.who);
    EditOptions options = given;
    if (given.in_editor) {
        if (!isatty(STDIN_FILENO))
            throw Error("nothing to change: give options (see 'rolo edit --help'), or run it on a terminal to edit the card");
        options = read_card(edit_text(card_text(get_contact(store, id))), get_contact(store, id));
    }
    ContactChange change = to_change(options.contact, today);
    change.name = options.name;
    change.remove_tags = options.untags;

    auto transaction = store.transaction();
    Contact contact = get_contact(store, id);
    if (options.add_note)
        change.notes = contact.notes.empty() ? *options.add_note : contact.notes + "\n" + *options.add_note;
    bool was_connected = contact.connected;
    apply(contact, change);
    if (options.connected) contact.connected = true;
    if (contact.connected && !was_connected && !contact.connected_on) contact.connected_on = today;
    if (options.restore) contact.archived = false;
    // An existing duplicate made with --force must not block unrelated edits.
    if (!options.force && (change.email || change.linkedin_url)) refuse_duplicate(store, contact);
    update_contact(store, contact, today);
    if (change.name) warn_same_name(store, contact);
    add_links(store, contact.id, plan_links(store, options.contact), today);
    transaction.commit();

    context.report(contact.id, "updated " + describe(contact));
}

}  // namespace

void register_edit(CLI::App& app, Context& context) {
    auto options = std::make_shared<EditOptions>();
    auto* command = app.add_subcommand("edit", "Change what rolo knows about a person");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    command->add_option("--name", options->name, "New full name");
    add_contact_options(*command, options->contact);
    command->add_option("--untag", options->untags, "Remove a tag (repeatable)")->allow_extra_args(false);
    auto* connected = command->add_flag("--connected", options->connected, "Mark as connected (in your network)");
    connected->excludes(command->get_option("--not-connected"));
    command->add_flag("--restore", options->restore, "Bring back an archived contact");
    command->add_flag("--force", options->force, "Allow an email or LinkedIn URL another contact has");
    command->add_option("--add-note", options->add_note, "Add a line to the notes (--note replaces them)")
        ->excludes(command->get_option("--note"));
    command->callback([&context, command, options] {
        // Only WHO given (count_all counts the command itself too): the card goes to the editor.
        options->in_editor = command->count_all() == 1 + command->get_option("WHO")->count();
        run_edit(context, *options);
    });
}

}  // namespace rolo::app
