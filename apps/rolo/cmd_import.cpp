// rolo import: bring people in from LinkedIn's Connections.csv or whole data
// export, a CSV, vCards or an address book export. Usage: rolo-import(1).
#include "common.hpp"
#include "terminal.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/files.hpp"
#include "rolo/import.hpp"
#include "rolo/linkedin_archive.hpp"
#include "rolo/paths.hpp"
#include "rolo/text.hpp"

#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct ImportCommand {
    std::string file;
    std::optional<std::string> from;
    bool dry_run = false;
    bool skip_bad = false;
    bool include_purged = false;
    std::string tag;
};

// Unwound by a failure, removes the database the import created.
struct RemoveIfFailed {
    Store& store;
    bool created;
    int exceptions = std::uncaught_exceptions();
    ~RemoveIfFailed() {
        if (created && std::uncaught_exceptions() > exceptions) remove_if_empty(store);
    }
};

// A dry run never creates the database: without one it counts against an
// empty one. `created`: this import makes the file.
Store import_store(Context& context, bool dry_run, bool& created) {
    std::error_code ec;
    created = !dry_run && !std::filesystem::exists(database_path(context.db), ec);
    return dry_run ? context.store_or_empty() : context.open_store();
}

// "  #3 Jane Doe: 12", one line each; past `limit` lines, how many more.
void list_lines(std::string_view heading, const std::vector<std::string>& lines,
                std::size_t limit = std::numeric_limits<std::size_t>::max()) {
    if (lines.empty()) return;
    std::cout << heading << ":\n";
    for (std::size_t i = 0; i < lines.size() && i < limit; ++i) std::cout << "  " << lines[i] << "\n";
    if (lines.size() > limit) std::cout << fmt::format("  ... and {} more\n", lines.size() - limit);
}

// As `rolo add` warns of a namesake: the first few by name, then how many more.
void warn_same_names(const ImportSummary& s) {
    for (const auto& warning : s.warnings) warn(warning);
    if (auto more = s.same_names - static_cast<int>(s.warnings.size()); more > 0)
        warn(fmt::format("{} more people added have the name of someone else", more));
}

void print_purged(const ImportSummary& s) {
    if (s.purged)
        std::cout << fmt::format("  left out: {} removed with rm --purge (--include-purged brings them back)\n",
                                 s.purged);
}

// Who changed on LinkedIn: new connections, job changes, gone; a dry run
// lists everyone it would add and the interactions per person, a real
// import the first few of each.
void print_changes(const ImportSummary& s, bool dry_run) {
    constexpr std::size_t a_few = 20;
    std::size_t limit = dry_run ? std::numeric_limits<std::size_t>::max() : a_few;
    if (dry_run || s.earlier_export) list_lines(dry_run ? "would add" : "new connections", s.added_names, limit);
    list_lines(dry_run ? "job changes to record" : "job changes", s.changed_jobs, limit);
    list_lines("gone from LinkedIn (kept)", s.gone, limit);
    if (!dry_run) return;
    std::vector<std::string> per_person;
    for (const auto& [who, count] : s.interactions_by_person) per_person.push_back(fmt::format("{}: {}", who, count));
    list_lines("interactions to add", per_person);
}

// What an archive import did, or would do: the counts, then on a dry run
// who; job changes, gone and new connections are always named.
void print_archive_summary(const std::string& source, const ImportSummary& s, bool dry_run) {
    std::string dry = dry_run ? " (dry run: nothing written)" : "";
    std::cout << fmt::format("{}: people {} added, {} updated, {} unchanged; {} job changes; {} gone from LinkedIn; "
                             "{} messages read, {} interactions added; {} skipped{}\n",
                             source, s.added, s.updated, s.unchanged, s.job_changes, s.gone.size(), s.messages,
                             s.interactions_added, s.skipped, dry);
    for (const auto& [why, count] : s.not_imported) std::cout << fmt::format("  not imported: {} {}\n", count, why);
    print_purged(s);
    print_changes(s, dry_run);
}

// "messages.csv: 40%" over itself on a terminal's stderr; nothing in a pipe.
std::function<void(std::string_view, long, long)> progress_on_terminal() {
    if (!::isatty(STDERR_FILENO)) return {};
    return [](std::string_view file, long done, long total) {
        int percent = total > 0 ? static_cast<int>(100 * done / total) : 0;
        write_styled(std::cerr, fmt::format("\r{}: {}%\x1b[K", terminal_text(file, true), percent));
    };
}

void run_archive_import(Context& context, const ImportCommand& command, const LinkedInArchive& archive,
                        const std::string& source) {
    ImportOptions options{source, command.skip_bad, command.dry_run,
                          command.tag.empty() ? std::string() : checked_tag(command.tag), command.include_purged,
                          context.settings().me.name, progress_on_terminal()};
    bool created = false;
    Store store = import_store(context, command.dry_run, created);
    RemoveIfFailed new_file{store, created};
    ImportSummary summary = import_linkedin_archive(store, archive, options, context.today());
    if (options.progress) write_styled(std::cerr, "\r\x1b[K");
    warn_same_names(summary);
    for (const auto& problem : summary.problems) warn(problem + " (skipped)");
    print_archive_summary(source, summary, command.dry_run);
}

void run_import(Context& context, const ImportCommand& command) {
    Date today = context.today();
    std::string source = command.file == "-" ? "stdin" : command.file;
    std::error_code ec;
    if (command.file != "-" && std::filesystem::is_directory(command.file, ec)) {
        if (command.from && *command.from != "linkedin-archive")
            throw Error(fmt::format("{} is a folder: only --from linkedin-archive reads one", source));
        run_archive_import(context, command, read_linkedin_folder(command.file), source);
        return;
    }
    InputText input(command.file);
    bool archive = command.from ? *command.from == "linkedin-archive" : looks_like_zip(input.text());
    if (archive) {
        run_archive_import(context, command, read_linkedin_zip(input.text(), source), source);
        return;
    }
    // Google's older export is UTF-16; everything else is read as UTF-8.
    std::optional<std::string> decoded = utf8_from_utf16(input.text(), source);
    std::string_view text = decoded ? std::string_view(*decoded) : input.text();
    ImportFormat format = command.from ? parse_import_format(*command.from) : detect_import_format(text);
    bool restore = format == ImportFormat::json && is_restore_document(text);
    if (restore && (command.skip_bad || !command.tag.empty()))
        throw Error("--skip-bad and --tag do not apply to a JSON restore");
    // The options and the header are read before the database is opened: a
    // mistake in either, or a file that cannot be read at all, never creates one.
    ImportOptions options{source, command.skip_bad, command.dry_run,
                          command.tag.empty() ? std::string() : checked_tag(command.tag), command.include_purged};
    std::optional<ImportReader> rows;
    if (!restore) {
        rows.emplace(text, format, source, today);
        for (const auto& warning : rows->warnings()) warn(warning);
    }

    bool created = false;
    Store store = import_store(context, command.dry_run, created);
    RemoveIfFailed new_file{store, created};  // a failed first import leaves no file behind
    std::string dry = command.dry_run ? " (dry run: nothing written)" : "";
    if (restore) {
        RestoreSummary restored = restore_json(store, text, source, today, command.dry_run);
        std::cout << fmt::format("{}: restored {} contacts, {} interactions, {} links, {} intros{}\n", source,
                                 restored.contacts, restored.interactions, restored.knows, restored.intros, dry);
        return;
    }
    ImportSummary summary = import_contacts(store, *rows, options, today);
    warn_same_names(summary);
    for (const auto& problem : summary.problems) warn(problem + " (skipped)");
    std::cout << fmt::format("{}: {} added, {} updated, {} unchanged, {} skipped{}\n", source, summary.added,
                             summary.updated, summary.unchanged, summary.skipped, dry);
    print_purged(summary);
    if (format == ImportFormat::linkedin) print_changes(summary, command.dry_run);
}

}  // namespace

void register_import(CLI::App& app, Context& context) {
    auto command = std::make_shared<ImportCommand>();
    auto* sub = app.add_subcommand("import", "Import people from LinkedIn's Connections.csv or data export (zip or "
                                             "folder), a CSV, vCards, Google Contacts or Outlook; restore a JSON export");
    sub->add_option("FILE", command->file, "The file or unzipped archive folder to read, or - for stdin")->required();
    sub->add_option("--from", command->from,
                    "linkedin, linkedin-archive, csv, vcard, json, google or outlook (default: detected from the "
                    "content)")
        ->check(CLI::IsMember({"linkedin", "linkedin-archive", "csv", "vcard", "json", "google", "outlook"}));
    sub->add_flag("--dry-run", command->dry_run, "Say what would happen and write nothing");
    sub->add_flag("--skip-bad", command->skip_bad, "Report bad rows and import the rest");
    sub->add_option("--tag", command->tag, "Tag everyone imported");
    sub->add_flag("--include-purged", command->include_purged, "Bring back people removed with rm --purge");
    sub->callback([&context, command] { run_import(context, *command); });
}

}  // namespace rolo::app
