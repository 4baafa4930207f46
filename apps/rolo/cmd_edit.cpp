// rolo edit: change what rolo knows about a person, by options or, with
// none, on a card in $EDITOR (as khard edit). Usage: rolo-edit(1).
#include "common.hpp"
#include "contact_options.hpp"

#include "rolo/error.hpp"
#include "rolo/fields.hpp"
#include "rolo/provenance.hpp"
#include "rolo/text.hpp"
#include "rolo/who.hpp"

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

// The card: a `label: value` line for each field of the contact table that
// has a label; a value goes on over lines that begin with two spaces (notes
// of several lines).
std::string card_value(const ContactField& field, const Contact& contact) {
    return field.type == FieldType::tags ? join(contact.tags, ", ") : field_text(field, contact);
}

std::string card_text(const Contact& contact) {
    std::string text = fmt::format("# {}: change what you like, save and quit; an empty value clears a field.\n"
                                   "# A line that begins with two spaces goes on with the field above.\n",
                                   describe(contact));
    for (const auto& field : contact_field_table()) {
        if (field.label.empty()) continue;
        std::string value = card_value(field, contact);
        for (std::size_t at = 0; (at = value.find('\n', at)) != std::string::npos; at += 3) value.insert(at + 1, "  ");
        text += fmt::format("{}: {}\n", field.label, value);
    }
    return text;
}

const ContactField* labelled(std::string_view label) {
    for (const auto& field : contact_field_table())
        if (!field.label.empty() && field.label == label) return &field;
    return nullptr;
}

// What the card as it came back from the editor changes: only the fields
// whose lines say something else than they did (spaces at either end aside,
// which an editor may add or drop), so a card saved unchanged changes nothing.
ContactChange read_card(const std::string& text, const Contact& before, Date today) {
    std::map<const ContactField*, std::string> values;
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
        const ContactField* field = colon == std::string::npos ? nullptr : labelled(trim(line.substr(0, colon)));
        if (!field)
            throw Error(fmt::format("card:{}: expected 'field: value' with a field of the card, not '{}'; nothing changed",
                                    number, line));
        last = &(values[field] = line.substr(colon + 1));
    }
    if (values.empty()) throw Error("the card came back empty; nothing changed");
    // The card as written, read back the same way: what "unchanged" means.
    auto said = [](std::string value) {
        std::string out;
        for (const auto& line : split(value, '\n')) out += (out.empty() ? "" : "\n") + trim(line);
        return out;
    };
    ContactChange change;
    for (const auto& field : contact_field_table()) {
        if (field.label.empty()) continue;
        std::string value = said(values[&field]);  // a deleted line clears its field
        if (value == said(card_value(field, before))) continue;
        try {
            if (field.type == FieldType::tags) {
                std::vector<std::string> tags;
                for (const auto& tag : split(value, ','))
                    if (!trim(tag).empty()) tags.push_back(trim(tag));
                change.add_tags = tags;
                change.replace_tags = true;
            } else if (field.type == FieldType::date && !value.empty()) {
                field.set(change, format_date(parse_date(value, today, Weekday::last)), today);
            } else {
                field.set(change, value, today);
            }
        } catch (const Error& e) {
            throw Error(fmt::format("card: {}: {}; nothing changed", field.label, e.what()));
        }
    }
    if (change.linkedin_url && !change.linkedin_url->empty() && !looks_like_linkedin_url(*change.linkedin_url))
        throw Error(fmt::format("card: '{}' does not look like a LinkedIn profile URL; nothing changed",
                                *change.linkedin_url));
    return change;
}

void run_edit(Context& context, const EditOptions& options) {
    Date today = context.today();
    Store store = context.store();
    std::int64_t id = resolve_who(store, options.who);
    ContactChange change;
    if (options.in_editor) {
        if (!isatty(STDIN_FILENO))
            throw Error("nothing to change: give options (see 'rolo edit --help'), or run it on a terminal to edit the card");
        Contact before = get_contact(store, id);
        change = read_card(edit_text(card_text(before)), before, today);
    } else {
        change = to_change(options.contact, today);
        if (options.name) change.name = options.name;
        change.remove_tags = options.untags;
    }

    auto transaction = store.transaction();
    Contact contact = get_contact(store, id);
    const Contact before = contact;
    if (options.add_note)
        change.notes = contact.notes.empty() ? *options.add_note : contact.notes + "\n" + *options.add_note;
    bool was_connected = contact.connected;
    apply(contact, change);
    if (options.connected) contact.connected = true;
    if (contact.connected && !was_connected && !contact.connected_on) contact.connected_on = today;
    if (options.restore) contact.archived = false;
    auto links = plan_links(store, options.contact);
    // Nothing to change (a card saved as it was): nothing is written, not even a new stamp.
    if (same_fields(before, contact) && links.empty()) {
        context.report(contact.id, "nothing changed for " + describe(contact));
        return;
    }
    // An existing duplicate made with --force must not block unrelated edits.
    if (!options.force && (change.email || change.linkedin_url)) refuse_duplicate(store, contact);
    record_changes(before, contact, Source::user, timestamp(today));
    update_contact(store, contact, today);
    if (change.name) warn_same_name(store, contact);
    add_links(store, contact.id, links, today);
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
