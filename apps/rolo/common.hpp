#pragma once
// What every subcommand shares: the global options, and the small steps each
// one takes (open the store, know today, print a table, warn).
#include "rolo/config.hpp"
#include "rolo/date.hpp"
#include "rolo/draft.hpp"
#include "rolo/store.hpp"
#include "rolo/table.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace rolo::app {

// What a command needs of the database, declared once per command in main.cpp
// (as git's RUN_SETUP): `creates` makes it when there is none (commands that
// add data); `existing` is an Error without one and makes no file; `optional`
// reads an empty database in memory when there is none.
enum class DatabaseUse { creates, existing, optional };

struct Context {
    // Global options, as given (each falls back to its environment variable).
    std::optional<std::string> db;
    std::optional<std::string> config;
    std::optional<std::string> format;
    std::optional<std::string> today_text;
    std::string color = "auto";
    bool quiet = false;
    // What rolo exits with when the command succeeds (`due --exit-code` sets 1).
    int exit_code = 0;
    // Of the command being run.
    DatabaseUse database_use = DatabaseUse::optional;

    // --today, else ROLO_TODAY, else the real date.
    Date today() const;
    // Loaded once; its warnings are printed on first use.
    const Config& settings();
    // The database, as the command's database_use says.
    Store store() const;
    // Opens (creating if needed) the database, for commands that write.
    Store open_store() const;
    // The database if it exists; read-only commands never create it.
    std::optional<Store> open_existing_store() const;
    // The database, or an Error saying there is none yet.
    Store existing_store() const;
    // The database, or an empty one in memory when there is none yet: for
    // commands that only read, and so never create the file.
    Store store_or_empty() const;
    // --format, else ROLO_FORMAT, else table on a terminal and tsv otherwise.
    Format output_format() const;
    // --format, else ROLO_FORMAT, as given.
    std::optional<std::string> format_name() const;
    bool format_given() const;
    bool color_enabled() const;
    // Columns a table may take: $COLUMNS, else the terminal's, else 0 (any).
    std::size_t width() const;
    // Prints a listing in the chosen format, or its ids with -q; a table
    // longer than the terminal goes through the pager.
    void print(const Table& table) const;
    // Writes text rendered for a terminal (safe, with rolo's colours), through
    // the pager when it is longer than the terminal.
    void print_styled(const std::string& text) const;
    // Reports a change to one record: its id with -q, else the message.
    void report(std::int64_t id, const std::string& message) const;

private:
    std::optional<Config> config_;
};

// A listing printed as its rows come: ids (-q), tsv, csv and json go out a
// row at a time, so listing 100,000 people holds one of them in memory; the
// aligned table needs every width first and prints at finish().
class Listing {
public:
    // `droppable`: the columns a narrow table leaves out first (Table::droppable).
    Listing(const Context& context, std::vector<std::string> columns, std::vector<std::string> droppable = {});
    void add_row(std::vector<Cell> row, Style style = Style::plain);
    void finish();

private:
    const Context& context_;
    Format format_;
    Table table_;  // the columns, and the rows of an aligned table
    bool empty_ = true;
};

void warn(std::string_view message);

// How --kind shows its values in --help ("TEXT:{meeting,coffee,...}", as
// CLI11 shows a set), which the completions offer.
std::string interaction_kind_type();

// On a terminal, asks `question` on stderr and returns the line typed,
// trimmed; nullopt when stdin is not a terminal, for scripts to go on.
std::optional<std::string> ask(std::string_view question);
// Asks `question` on a terminal and returns whether the answer was yes; with
// `yes` given, true without asking. Not on a terminal and without `yes`, an
// Error: a script must say --yes.
bool confirm(const std::string& question, bool yes);

// The text of a message to record: stdin when it is not a terminal, else the
// user's editor on `template_text` (lines starting with '#' are dropped).
std::string read_message(const std::string& template_text);

// A shipped data file (templates/connect.toml, pitch-words.txt): beside the
// executable (../share/rolo), under the install prefix, or in the source tree
// the executable was built from. Throws Error when none has it.
std::filesystem::path data_file(const std::string& relative);

// The whole of a file, or of stdin for "-", up to input_limit bytes; throws
// Error when it cannot be read or is larger. It is read, not mapped: a mapped
// file that shrinks while rolo reads it kills rolo with SIGBUS.
class InputText {
public:
    static constexpr std::size_t input_limit = std::size_t{256} << 20;  // 256 MiB, in rolo-import(1)

    explicit InputText(const std::string& path);

    std::string_view text() const { return text_; }

private:
    std::string text_;
};

// Opens `text` in $VISUAL / $EDITOR and returns what the user saved.
std::string edit_text(const std::string& text);

// What `rolo draft` does, for the commands that offer a draft too (intro
// --draft): composes, lints and prints the message inside the caller's
// transaction, and with `log` records that it was sent.
struct DraftCommand : DraftRequest {
    bool edit = false;
    bool log = false;
    bool strict = false;
};
void write_draft(Context& context, Store& store, const DraftCommand& command);

// Every subcommand registers itself on the top-level app.
void register_add(CLI::App& app, Context& context);
void register_backup(CLI::App& app, Context& context);
void register_done(CLI::App& app, Context& context);
void register_draft(CLI::App& app, Context& context);
void register_due(CLI::App& app, Context& context);
void register_dupes(CLI::App& app, Context& context);
void register_edit(CLI::App& app, Context& context);
void register_export(CLI::App& app, Context& context);
void register_graph(CLI::App& app, Context& context);
void register_history(CLI::App& app, Context& context);
void register_import(CLI::App& app, Context& context);
void register_init(CLI::App& app, Context& context);
void register_intro(CLI::App& app, Context& context);
void register_link(CLI::App& app, Context& context);
void register_log(CLI::App& app, Context& context);
void register_ls(CLI::App& app, Context& context);
void register_merge(CLI::App& app, Context& context);
void register_rm(CLI::App& app, Context& context);
void register_search(CLI::App& app, Context& context);
void register_show(CLI::App& app, Context& context);
void register_snooze(CLI::App& app, Context& context);
void register_stats(CLI::App& app, Context& context);
void register_sync(CLI::App& app, Context& context);
void register_unlink(CLI::App& app, Context& context);
void register_unlog(CLI::App& app, Context& context);

}  // namespace rolo::app
