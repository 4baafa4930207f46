// rolo draft: writes a personal message to stdout (and nothing else), from
// templates, and lints it; warnings go to stderr. Usage: rolo-draft(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/draft.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/lint.hpp"
#include "rolo/paths.hpp"
#include "rolo/text.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <memory>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct DraftOptions : DraftCommand {
    std::optional<std::string> check;
};

// Prints the findings; with --strict they are errors and the message is withheld.
bool report(Context& context, const std::vector<Finding>& findings, bool strict) {
    for (const auto& finding : findings)
        std::cerr << fmt::format("rolo: {}: {}: {}\n", strict ? "error" : "warning", finding.rule, finding.message);
    if (strict && !findings.empty()) context.exit_code = 1;
    return !(strict && !findings.empty());
}

// The lint rules for a kind of message; the caller adds what it knows of the recipient.
LintContext lint_context_for(Context& context, const std::string& kind) {
    LintContext lint_context;
    lint_context.kind = kind;
    lint_context.connect_limit = context.settings().connect_limit;
    lint_context.pitch_words = read_word_list(data_file("pitch-words.txt"));
    return lint_context;
}

void check(Context& context, const DraftOptions& options) {
    auto lint_context = lint_context_for(context, options.kind);
    if (!options.who.empty()) {
        Store store = context.store();
        Contact person = get_contact(store, resolve_who(store, options.who));
        if (options.kind == "intro-request") {
            lint_context.other_name = person.name;  // WHO is the person to meet, not the broker
        } else {
            if (options.kind == "intro-follow-up") {
                if (auto request = open_request_to(store, person.id)) {
                    lint_context.other_name = request->target_name;
                    lint_context.follow_up_sent = request->followed_up_on.has_value();
                }
            }
            lint_context.new_connection = is_new_connection(person, options.kind, context.today(),
                                                            context.settings().hello_window_days);
            lint_context.own_words = own_words_of(person);
        }
    }
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
    if (options.kind.empty()) {
        // Alone, it says what it can write.
        std::cout << "rolo draft KIND WHO writes one of these:\n";
        for (const auto& kind : kinds) std::cout << fmt::format("  {:<16} {}\n", kind, draft_kind_purpose(kind));
        return;
    }
    if (options.who.empty()) throw CLI::RequiredError("WHO");
    if (options.edit && !isatty(STDIN_FILENO))
        throw Error("--edit needs a terminal for the editor; without one, write the message and check it with --check");
    Store store = context.store();
    auto transaction = store.transaction();
    write_draft(context, store, options);
    transaction.commit();
}

}  // namespace

void write_draft(Context& context, Store& store, const DraftCommand& options) {
    const Config& config = context.settings();
    Draft draft = compose_draft(store, options, load_template(template_file(options.kind)), config, context.today());
    for (const auto& warning : draft.warnings) warn(warning);
    for (const auto& hint : draft.hints) std::cerr << "rolo: hint: " << hint << '\n';
    std::string text = options.edit ? edit_text(draft.rendered.text) : draft.rendered.text;
    if (trim(text).empty()) throw Error("empty message; nothing written");

    LintContext lint_context = lint_context_of(draft, config);
    lint_context.pitch_words = read_word_list(data_file("pitch-words.txt"));
    if (!report(context, lint(text, lint_context), options.strict)) return;
    std::cout << text;
    if (options.log) record_draft(store, draft, context.today());
}

void register_draft(CLI::App& app, Context& context) {
    auto options = std::make_shared<DraftOptions>();
    auto* command = app.add_subcommand("draft", "Write a personal message to stdout, from templates, and lint it");
    command->add_option("KIND", options->kind, join(draft_kinds(), " ") + " ('rolo draft' alone says what each is for)");
    command->add_option("WHO", options->who, "Who the message is to (for intro-request: who you want to meet)");
    command->add_option("--via", options->via,
                        "A broker (intro-request, intro-follow-up) or someone you both know (connect)");
    command->add_option("--to", options->to, "With intro: who to introduce WHO to");
    command->add_option("--about", options->about,
                        "Said in the message: what you share (checkin), what they did (thanks), why (intro kinds)");
    command->add_flag("--edit", options->edit, "Open the draft in $VISUAL / $EDITOR first");
    command->add_flag("--log", options->log, "Record that you sent it (never its text)");
    command->add_flag("--strict", options->strict, "Treat lint warnings as errors: exit 1 and print no message");
    command->add_option("--check", options->check, "Lint a message you wrote (a file, or - for stdin)");
    command->callback([&context, options] { run_draft(context, *options); });
}

}  // namespace rolo::app
