// rolo draft KIND WHO [--via WHO] [--to WHO] [--about TEXT] [--edit] [--log] [--strict]
// rolo draft [KIND [WHO]] --check FILE|-
// Writes a personal message to stdout (and nothing else), from templates,
// and lints it; warnings go to stderr.
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/draft.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/lint.hpp"
#include "rolo/paths.hpp"
#include "rolo/text.hpp"
#include "rolo/warm_path.hpp"
#include "rolo/who.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct DraftOptions : DraftRequest {
    std::optional<std::string> check;
};

// The people a message is about, found from the command line and the store.
struct Cast {
    Contact recipient;
    std::optional<Contact> other;
    std::optional<Intro> intro;  // the request an intro-follow-up is about
};

Contact best_broker(Context& context, Store& store, const Contact& target) {
    constexpr int hops = 3;
    auto paths = find_paths(load_neighborhood(store, target.id, hops, context.today()), target.id, hops, context.today());
    if (paths.empty())
        throw Error(fmt::format("no one you know can introduce you to {}; name a broker with --via", describe(target)));
    return get_contact(store, paths.front().hops.front().id);
}

Cast cast_for(Context& context, Store& store, const DraftRequest& options) {
    auto person = [&](const std::string& who) { return get_contact(store, resolve_who(store, who)); };
    Cast cast;
    if (options.kind == "intro-request") {
        // WHO is the person you want to meet; the message goes to the broker.
        cast.other = person(options.who);
        cast.recipient = options.via ? person(*options.via) : best_broker(context, store, *cast.other);
    } else if (options.kind == "intro-follow-up") {
        cast.recipient = person(options.who);
        cast.intro = open_request_to(store, cast.recipient.id);
        if (!cast.intro)
            throw Error(fmt::format("{} has no open introduction request from you; see rolo intro --open",
                                    describe(cast.recipient)));
        cast.other = get_contact(store, cast.intro->target_id);
    } else {
        cast.recipient = person(options.who);
        if (options.kind == "intro" && !options.to) throw Error("an intro needs --to: who to introduce them to");
        if (auto other = options.to ? options.to : options.via) cast.other = person(*other);
    }
    if (cast.other && cast.other->id == cast.recipient.id) throw Error("the message needs two different people");
    return cast;
}

// Someone connected within the hello window, or a connect note to someone not connected.
bool pitch_applies(const std::string& kind, const Contact& recipient, Date today, int hello_window) {
    if (kind == "connect" && !recipient.connected) return true;
    return recipient.connected && recipient.connected_on && days_between(*recipient.connected_on, today) < hello_window;
}

// Prints the findings; with --strict they are errors and the message is withheld.
bool report(Context& context, const std::vector<Finding>& findings, bool strict) {
    for (const auto& finding : findings)
        std::cerr << fmt::format("rolo: {}: {}: {}\n", strict ? "error" : "warning", finding.rule, finding.message);
    if (strict && !findings.empty()) context.exit_code = 1;
    return !(strict && !findings.empty());
}

void log_draft(Context& context, Store& store, const DraftRequest& options, const Cast& cast, const std::string& text) {
    Date today = context.today();
    auto transaction = store.transaction();
    std::string kind = options.kind == "connect" ? "invite" : options.kind.starts_with("intro") ? "intro" : "message";
    if (options.kind == "intro-request" && !open_request_to(store, cast.recipient.id)) {
        Intro request;
        request.kind = "asked";
        request.broker_id = cast.recipient.id;
        request.target_id = cast.other->id;
        request.asked_on = today;
        request.reason = options.about;
        insert_intro(store, request);
    }
    Interaction sent{.contact_id = cast.recipient.id, .on = today, .kind = kind};
    sent.summary = trim(text);
    log_interaction(store, sent, today);
    if (cast.intro) set_followed_up(store, cast.intro->id, today);
    transaction.commit();
}

// The lint rules for a kind of message to a recipient (when known).
LintContext lint_context_for(Context& context, const std::string& kind, const Contact* recipient) {
    const Config& config = context.settings();
    LintContext lint_context;
    lint_context.kind = kind;
    lint_context.connect_limit = config.connect_limit;
    lint_context.pitch_words = read_word_list(data_file("pitch-words.txt"));
    if (recipient) {
        lint_context.new_connection = pitch_applies(kind, *recipient, context.today(), config.hello_window_days);
        lint_context.own_words = own_words_of(*recipient);
    }
    return lint_context;
}

void check(Context& context, const DraftOptions& options) {
    std::optional<Contact> recipient;
    std::optional<Intro> request;
    std::string other_name;
    if (!options.who.empty()) {
        Store store = context.existing_store();
        recipient = get_contact(store, resolve_who(store, options.who));
        if (options.kind == "intro-request") {  // WHO is the person to meet, not the broker
            other_name = recipient->name;
            recipient.reset();
        } else if (options.kind == "intro-follow-up") {
            request = open_request_to(store, recipient->id);
            if (request) other_name = request->target_name;
        }
    }
    auto lint_context = lint_context_for(context, options.kind, recipient ? &*recipient : nullptr);
    lint_context.other_name = other_name;
    lint_context.follow_up_sent = request && request->followed_up_on;
    report(context, lint(InputText(*options.check).text(), lint_context), options.strict);
}

std::filesystem::path template_file(const std::string& kind) {
    auto user = config_dir() / "templates" / (kind + ".toml");
    std::error_code ec;
    if (std::filesystem::exists(user, ec)) return user;
    return data_file("templates/" + kind + ".toml");
}

void run_draft(Context& context, const DraftOptions& options) {
    const auto& kinds = draft_kinds();
    if (!options.kind.empty() && std::find(kinds.begin(), kinds.end(), options.kind) == kinds.end())
        throw Error(fmt::format("unknown draft kind '{}': expected one of {}", options.kind, join(kinds, ", ")));
    if (options.check) return check(context, options);
    if (options.kind.empty() || options.who.empty()) throw CLI::RequiredError("KIND and WHO");
    write_draft(context, options);
}

}  // namespace

void write_draft(Context& context, const DraftRequest& options) {
    Date today = context.today();
    const Config& config = context.settings();
    Store store = context.existing_store();
    Cast cast = cast_for(context, store, options);
    auto last = list_interactions(store, {.contact_id = cast.recipient.id, .limit = 1});
    DraftSubject subject{&cast.recipient, cast.other ? &*cast.other : nullptr, last.empty() ? nullptr : &last.front(),
                         options.about, cast.intro ? cast.intro->reason : options.about};
    Template tmpl = load_template(template_file(options.kind));
    Rendered rendered = render(tmpl, draft_fields(subject, config.me, today));
    std::string text = options.edit ? edit_text(rendered.text) : rendered.text;
    if (trim(text).empty()) throw Error("empty message; nothing written");

    LintContext lint_context = lint_context_for(context, options.kind, &cast.recipient);
    for (const auto& field : rendered.missing)
        lint_context.missing.push_back(how_to_fill(field, subject, config.path.string()));
    if (cast.other) lint_context.other_name = cast.other->name;
    lint_context.follow_up_sent = cast.intro && cast.intro->followed_up_on;
    if (!report(context, lint(text, lint_context), options.strict)) return;
    std::cout << text;
    if (options.log) log_draft(context, store, options, cast, text);
}

void register_draft(CLI::App& app, Context& context) {
    auto options = std::make_shared<DraftOptions>();
    auto* command = app.add_subcommand("draft", "Write a personal message to stdout, from templates, and lint it");
    command->add_option("KIND", options->kind,
                        "connect hello checkin followup thanks intro-request intro-follow-up intro");
    command->add_option("WHO", options->who, "Who the message is to (for intro-request: who you want to meet)");
    command->add_option("--via", options->via, "A broker or shared connection");
    command->add_option("--to", options->to, "With intro: who to introduce WHO to");
    command->add_option("--about", options->about, "What it is about; for intro kinds, why they should meet");
    command->add_flag("--edit", options->edit, "Open the draft in $VISUAL / $EDITOR first");
    command->add_flag("--log", options->log, "Record the message as an outgoing interaction");
    command->add_flag("--strict", options->strict, "Treat lint warnings as errors: exit 1 and print no message");
    command->add_option("--check", options->check, "Lint a message you wrote (a file, or - for stdin)");
    command->callback([&context, options] { run_draft(context, *options); });
}

}  // namespace rolo::app
