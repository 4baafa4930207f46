// rolo: a personal networking toolkit for the terminal. main parses the
// global options, hands over to one subcommand, and turns every failure into
// one line on stderr and an exit code: 1 for a failed operation, 2 for usage.
#include "agenda.hpp"
#include "common.hpp"
#include "terminal.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"
#include "rolo_version.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <SQLiteCpp/Exception.h>

namespace {

void add_global_options(CLI::App& app, rolo::app::Context& context) {
    app.add_option("--db", context.db, "Database file (env ROLO_DB; default ~/.local/share/rolo/rolo.db)");
    app.add_option("--config", context.config, "Config file (env ROLO_CONFIG; default ~/.config/rolo/config.toml)");
    app.add_option("--format", context.format,
                   "Output of listings: table, tsv, csv or json; export: csv, tsv, json or vcard (env ROLO_FORMAT)")
        ->check(CLI::IsMember({"table", "tsv", "csv", "json", "vcard"}));
    app.add_option("--today", context.today_text, "Treat this date (YYYY-MM-DD) as today (env ROLO_TODAY)");
    app.add_option("--color", context.color, "Colour: auto (a terminal without NO_COLOR), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("-q,--quiet", context.quiet, "Print only what a script needs (ids)");
}

// What each command needs of the database: only commands that add data
// create one; a command that changes or reads one person needs one.
rolo::app::DatabaseUse database_use(const std::string& command) {
    using enum rolo::app::DatabaseUse;
    static const std::map<std::string, rolo::app::DatabaseUse, std::less<>> uses = {
        {"add", creates},     {"import", creates},   {"init", creates},     {"backup", existing},
        {"draft", existing},  {"edit", existing},    {"link", existing},    {"log", existing},
        {"rm", existing},     {"show", existing},    {"snooze", existing},  {"unlink", existing},
        {"due", optional},    {"export", optional},  {"graph", optional},   {"history", optional},
        {"intro", optional},  {"ls", optional},      {"stats", optional}};
    auto found = uses.find(command);
    return found == uses.end() ? optional : found->second;
}

int fail(std::string_view message, int code) {
    std::cerr << "rolo: error: " << message << '\n';
    return code;
}

// Output that could not be written (a full disk, /dev/full) fails the
// command, as it does cat's: a short export must not pass for a whole one.
int check_output(int code) {
    errno = 0;
    bool written = std::cout.flush() && std::fflush(stdout) == 0 && !std::ferror(stdout);
    if (written) return code;
    int error = errno ? errno : EIO;
    return fail(std::string("write error: ") + std::strerror(error), 1);
}

// The names closest to a mistyped one, as git suggests commands: within two
// edits, or begun by it; "" when nothing is close.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& names) {
    std::size_t best = 3;
    std::vector<std::string> closest;
    for (const auto& name : names) {
        std::size_t distance = name.starts_with(typed) && typed.size() > 1 ? 1 : rolo::edit_distance(typed, name);
        if (distance < best) {
            closest.clear();
            best = distance;
        }
        std::string quoted = "'" + name + "'";
        // --help is both rolo's and the command's: named once.
        if (distance == best && std::find(closest.begin(), closest.end(), quoted) == closest.end())
            closest.push_back(std::move(quoted));
    }
    return closest.empty() ? "" : "; did you mean " + rolo::join(closest, " or ") + "?";
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(command->get_name());
    return names;
}

// The first --long option in the arguments that neither `command` nor rolo
// knows, with what it may have meant.
std::string unknown_option_hint(const CLI::App& app, const CLI::App* command, int argc, char** argv) {
    std::vector<std::string> names;
    for (const CLI::App* owner : {&app, command})
        if (owner)
            for (const auto* option : owner->get_options())
                for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        if (!arg.starts_with("--")) continue;
        arg = arg.substr(0, arg.find('='));
        if (std::find(names.begin(), names.end(), arg) == names.end()) return did_you_mean(arg, names);
    }
    return "";
}

int run(int argc, char** argv) {
    // Before anything is printed: messages and warnings quote names and fields.
    // It passes on the last of stdout as run returns, before main checks it.
    rolo::app::TerminalGuard terminal;
    CLI::App app{"rolo: remember the people you meet, keep in touch, ask for warm introductions.", "rolo"};
    app.set_version_flag("--version", ROLO_VERSION);
    // Alone, rolo shows today's agenda, as taskwarrior runs its default report.
    app.require_subcommand(0, 1);
    // Subcommands hand options they do not know (the global ones) back to rolo,
    // so `rolo ls --format json` works like `rolo --format json ls`.
    app.fallthrough();

    rolo::app::Context context;
    add_global_options(app, context);
    rolo::app::register_add(app, context);
    rolo::app::register_backup(app, context);
    rolo::app::register_done(app, context);
    rolo::app::register_draft(app, context);
    rolo::app::register_due(app, context);
    rolo::app::register_dupes(app, context);
    rolo::app::register_edit(app, context);
    rolo::app::register_export(app, context);
    rolo::app::register_graph(app, context);
    rolo::app::register_history(app, context);
    rolo::app::register_import(app, context);
    rolo::app::register_init(app, context);
    rolo::app::register_intro(app, context);
    rolo::app::register_link(app, context);
    rolo::app::register_log(app, context);
    rolo::app::register_ls(app, context);
    rolo::app::register_merge(app, context);
    rolo::app::register_rm(app, context);
    rolo::app::register_search(app, context);
    rolo::app::register_show(app, context);
    rolo::app::register_snooze(app, context);
    rolo::app::register_stats(app, context);
    rolo::app::register_sync(app, context);
    rolo::app::register_unlink(app, context);
    rolo::app::register_unlog(app, context);
    // Every command checks the config and --today first, so that a broken one
    // is reported at once, whichever command meets it.
    app.parse_complete_callback([&app, &context] {
        for (const auto* command : app.get_subcommands()) context.database_use = database_use(command->get_name());
        context.settings();
        context.today();
    });

    // `rolo help [CMD]` is `rolo [CMD] --help`, as git's is.
    std::vector<char*> args(argv, argv + argc);
    std::string help_flag = "--help";
    if (args.size() > 1 && std::string_view(args[1]) == "help") {
        args.erase(args.begin() + 1);
        args.push_back(help_flag.data());
    }
    argc = static_cast<int>(args.size());
    argv = args.data();
    auto not_a_command = [&app](std::string_view word) {
        return fail(fmt::format("'{}' is not a rolo command{} (see 'rolo --help')", word,
                                did_you_mean(word, command_names(app))),
                    2);
    };
    // CLI11 would answer --help before it saw that the command is unknown.
    auto names = command_names(app);
    if (argc > 2 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end() &&
        std::string_view(argv[argc - 1]) == "--help")
        return not_a_command(argv[1]);

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) rolo::app::show_agenda(context);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        auto commands = app.get_subcommands();
        if (commands.empty() && argc > 1 && argv[1][0] != '-') return not_a_command(argv[1]);
        const CLI::App* command = commands.empty() ? nullptr : commands.front();
        std::string help = command ? "rolo " + command->get_name() + " --help" : "rolo --help";
        return fail(std::string(e.what()) + unknown_option_hint(app, command, argc, argv) + " (see '" + help + "')", 2);
    } catch (const rolo::Error& e) {
        return fail(e.what(), 1);
    } catch (const SQLite::Exception& e) {
        return fail(std::string("database: ") + e.what(), 1);
    } catch (const std::exception& e) {
        return fail(e.what(), 1);
    }
    return context.exit_code;
}

}  // namespace

int main(int argc, char** argv) { return check_output(run(argc, argv)); }
