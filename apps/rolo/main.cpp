// rolo: a personal networking toolkit for the terminal. main parses the
// global options, hands over to one subcommand, and turns every failure into
// one line on stderr and an exit code: 1 for a failed operation, 2 for usage.
#include "common.hpp"
#include "terminal.hpp"

#include "rolo/error.hpp"
#include "rolo_version.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>

namespace {

void add_global_options(CLI::App& app, rolo::app::Context& context) {
    app.add_option("--db", context.db, "Database file (env ROLO_DB; default ~/.local/share/rolo/rolo.db)");
    app.add_option("--config", context.config, "Config file (env ROLO_CONFIG; default ~/.config/rolo/config.toml)");
    app.add_option("--format", context.format, "Output of listings: table, tsv, csv or json (env ROLO_FORMAT)")
        ->check(CLI::IsMember({"table", "tsv", "csv", "json"}));
    app.add_option("--today", context.today_text, "Treat this date (YYYY-MM-DD) as today (env ROLO_TODAY)");
    app.add_option("--color", context.color, "Colour: auto (a terminal without NO_COLOR), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("-q,--quiet", context.quiet, "Print only what a script needs (ids)");
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

int run(int argc, char** argv) {
    // Before anything is printed: messages and warnings quote names and fields.
    // It passes on the last of stdout as run returns, before main checks it.
    rolo::app::TerminalGuard terminal;
    CLI::App app{"rolo: remember the people you meet, keep in touch, ask for warm introductions.", "rolo"};
    app.set_version_flag("--version", ROLO_VERSION);
    app.require_subcommand(1);
    // Subcommands hand options they do not know (the global ones) back to rolo,
    // so `rolo ls --format json` works like `rolo --format json ls`.
    app.fallthrough();

    rolo::app::Context context;
    add_global_options(app, context);
    rolo::app::register_add(app, context);
    rolo::app::register_backup(app, context);
    rolo::app::register_draft(app, context);
    rolo::app::register_due(app, context);
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
    rolo::app::register_rm(app, context);
    rolo::app::register_show(app, context);
    rolo::app::register_snooze(app, context);
    rolo::app::register_stats(app, context);
    rolo::app::register_sync(app, context);
    rolo::app::register_unlink(app, context);
    // Every command checks the config and --today first, so that a broken one
    // is reported at once, whichever command meets it.
    app.parse_complete_callback([&context] {
        context.settings();
        context.today();
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        auto commands = app.get_subcommands();
        if (commands.empty() && argc > 1 && argv[1][0] != '-')
            return fail(std::string("'") + argv[1] + "' is not a rolo command (see 'rolo --help')", 2);
        std::string help = commands.empty() ? "rolo --help" : "rolo " + commands.front()->get_name() + " --help";
        return fail(std::string(e.what()) + " (see '" + help + "')", 2);
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
