#include "common.hpp"
#include "terminal.hpp"

#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/paths.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rolo::app {
namespace {

std::string strip_comment_lines(const std::string& text) {
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line))
        if (!line.starts_with('#')) out += line + '\n';
    return trim(out);
}

}  // namespace

Date Context::today() const {
    auto text = today_text ? today_text : env("ROLO_TODAY");
    if (!text) return system_today();
    if (auto date = parse_iso_date(*text)) return *date;
    throw Error(fmt::format("bad --today / ROLO_TODAY '{}': expected YYYY-MM-DD", *text));
}

const Config& Context::settings() {
    if (!config_) {
        config_ = load_config(config_path(config));
        for (const auto& warning : config_->warnings) warn(warning);
    }
    return *config_;
}

Store Context::store() const {
    switch (database_use) {
    case DatabaseUse::creates: return open_store();
    case DatabaseUse::existing: return existing_store();
    case DatabaseUse::optional: break;
    }
    return store_or_empty();
}

Store Context::open_store() const { return Store::open(database_path(db)); }

std::optional<Store> Context::open_existing_store() const { return Store::open_existing(database_path(db)); }

Store Context::existing_store() const {
    if (auto store = open_existing_store()) return std::move(*store);
    throw Error(fmt::format("no database yet at {}; start with 'rolo add' or 'rolo init'", database_path(db).string()));
}

Store Context::store_or_empty() const {
    if (auto store = open_existing_store()) return std::move(*store);
    return Store::open_memory();
}

Format Context::output_format() const {
    auto name = format_name();
    if (name == "vcard") throw Error("--format vcard is for rolo export only");
    if (name) return parse_format(*name);
    return isatty(STDOUT_FILENO) ? Format::table : Format::tsv;
}

std::optional<std::string> Context::format_name() const { return format ? format : env("ROLO_FORMAT"); }

bool Context::format_given() const { return format_name().has_value(); }

bool Context::color_enabled() const {
    if (color == "always") return true;
    if (color == "never") return false;
    return isatty(STDOUT_FILENO) && !env("NO_COLOR");
}

namespace {

// A positive number from the environment (COLUMNS, LINES), else the
// terminal's own size on stdout, else 0: not a terminal, no limit.
std::size_t terminal_size(const char* name, unsigned short winsize::*field) {
    if (auto text = env(name)) {
        char* end = nullptr;
        long value = std::strtol(text->c_str(), &end, 10);
        if (*end == '\0' && value > 0) return static_cast<std::size_t>(value);
    }
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) return size.*field;
    return 0;
}

// Output longer than the terminal goes through $ROLO_PAGER, else $PAGER,
// else less, as git's does: on a terminal only, never into a pipe; LESS=FRX
// unless the user set LESS. False when it was not paged (or the pager failed
// to start), for the caller to print it.
bool page(std::string_view text) {
    if (!isatty(STDOUT_FILENO)) return false;
    std::size_t rows = terminal_size("LINES", &winsize::ws_row);
    if (rows == 0 || static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) < rows) return false;
    std::string pager = env("ROLO_PAGER").value_or(env("PAGER").value_or("less"));
    if (pager == "cat") return false;
    setenv("LESS", "FRX", 0);
    std::cout.flush();
    FILE* pipe = popen(pager.c_str(), "w");
    if (!pipe) return false;
    // Quitting the pager early is not an error of rolo's.
    auto old_handler = std::signal(SIGPIPE, SIG_IGN);
    std::fwrite(text.data(), 1, text.size(), pipe);
    pclose(pipe);
    std::signal(SIGPIPE, old_handler);
    return true;
}

}  // namespace

std::size_t Context::width() const { return terminal_size("COLUMNS", &winsize::ws_col); }

void Context::print_styled(const std::string& text) const {
    if (!page(text)) write_styled(std::cout, text);
}

void Context::print(const Table& table) const {
    if (quiet) {
        std::cout << render_ids(table);
    } else if (Format format = output_format(); format == Format::table) {
        print_styled(render(table, format, color_enabled(), width()));  // its cells are made safe as rendered
    } else {
        std::cout << render(table, format, false);
    }
}

Listing::Listing(const Context& context, std::vector<std::string> columns, std::vector<std::string> droppable)
    : context_(context), format_(context.output_format()) {
    table_.columns = std::move(columns);
    table_.droppable = std::move(droppable);
    if (!context_.quiet && format_ != Format::table) std::cout << render_head(table_.columns, format_);
}

void Listing::add_row(std::vector<Cell> row, Style style) {
    if (context_.quiet) {
        if (!row.empty()) std::cout << cell_text(row.front()) << '\n';
    } else if (format_ == Format::table) {
        table_.add_row(std::move(row), style);
    } else {
        std::cout << render_row(table_.columns, row, format_, empty_);
    }
    empty_ = false;
}

void Listing::finish() {
    if (context_.quiet) return;
    if (format_ == Format::table)
        context_.print(table_);
    else
        std::cout << render_tail(format_, empty_);
}

void Context::report(std::int64_t id, const std::string& message) const {
    if (quiet)
        std::cout << id << '\n';
    else
        std::cout << message << '\n';
}

std::filesystem::path data_file(const std::string& relative) {
    // ROLO_DATA_DIR, else share/rolo beside the binary's folder (installed,
    // or a build tree's link to data/), else the install prefix: an installed
    // rolo never reads the templates of some build tree.
    std::vector<std::filesystem::path> dirs;
    std::error_code ec;
    if (auto dir = env("ROLO_DATA_DIR")) {
        dirs.emplace_back(*dir);
    } else {
        auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "rolo");
        dirs.emplace_back(ROLO_DATADIR);
    }
    std::vector<std::string> looked;
    for (const auto& dir : dirs) {
        if (std::filesystem::exists(dir / relative, ec)) return dir / relative;
        looked.push_back(dir.string());
    }
    throw Error(fmt::format("cannot find rolo's {} (looked in {}; ROLO_DATA_DIR names another data directory)",
                            relative, join(looked, ", ")));
}

void warn(std::string_view message) { std::cerr << "rolo: warning: " << message << '\n'; }

std::string interaction_kind_type() {
    const auto& kinds = interaction_kinds();
    return "TEXT:{" + join(std::vector<std::string>(kinds.begin(), kinds.end()), ",") + "}";
}

std::optional<std::string> ask(std::string_view question) {
    if (!isatty(STDIN_FILENO)) return std::nullopt;
    std::cerr << question << std::flush;
    std::string line;
    std::getline(std::cin, line);
    return trim(line);
}

bool confirm(const std::string& question, bool yes) {
    if (yes) return true;
    if (!isatty(STDIN_FILENO)) throw Error(question + " Not asked: stdin is not a terminal; give --yes to confirm");
    std::string answer = fold(ask(question + " [y/N] ").value_or(""));
    return answer == "y" || answer == "yes";
}

std::string edit_text(const std::string& text) {
    std::string editor = env("VISUAL").value_or(env("EDITOR").value_or("vi"));
    char path[] = "/tmp/rolo-XXXXXX.txt";
    int fd = mkstemps(path, 4);
    if (fd < 0) throw Error("cannot create a temporary file for the editor");
    close(fd);
    struct Cleanup {
        const char* path;
        ~Cleanup() {
            if (path) std::remove(path);
        }
    } cleanup{path};
    // A card half written (a full /tmp) would read back as fields to clear.
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw Error(fmt::format("cannot write {} for the editor: {}", path, std::strerror(errno)));
    // The editor may carry its own arguments ("code -w"), so the shell splits it.
    std::string command = fmt::format("{} '{}'", editor, path);
    // An editor that exits non-zero (a mistyped vi command) may still hold
    // the user's work: the file stays for them to take it from.
    if (std::system(command.c_str()) != 0) {
        cleanup.path = nullptr;
        throw Error(fmt::format("the editor '{}' failed; nothing changed, and what you wrote is kept in {}", editor, path));
    }
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

namespace {

// All that is left to read from `fd`, up to one byte past `limit` (which
// proves there is more); false on a read error.
bool read_all(int fd, std::string& text, std::size_t limit) {
    std::size_t size = text.size();
    for (;;) {
        if (size == text.size()) text.resize(std::min(std::max({2 * size, text.capacity(), std::size_t{1} << 16}), limit + 1));
        ssize_t n = ::read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        size += static_cast<std::size_t>(n);
        if (n == 0 || size > limit) break;
    }
    text.resize(size);
    return true;
}

}  // namespace

InputText::InputText(const std::string& path) {
    std::string name = path == "-" ? "stdin" : path;
    int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    // A regular file is read into a buffer of its size at once.
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0)
        text_.reserve(std::min(static_cast<std::size_t>(info.st_size), input_limit) + 1);
    bool read = read_all(fd, text_, input_limit);
    int error = errno;
    if (fd != STDIN_FILENO) ::close(fd);
    if (!read) throw Error(fmt::format("cannot read {}: {}", name, std::strerror(error)));
    if (text_.size() > input_limit)
        throw Error(fmt::format("{} is larger than {} MiB, the most rolo reads at once; split it", name,
                                input_limit >> 20));
}

std::string read_message(const std::string& template_text) {
    if (!isatty(STDIN_FILENO)) {
        std::string text(std::istreambuf_iterator<char>(std::cin), {});
        return trim(text);
    }
    return strip_comment_lines(edit_text(template_text));
}

}  // namespace rolo::app
