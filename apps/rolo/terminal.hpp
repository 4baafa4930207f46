#pragma once
// Where rolo's output meets a person: stderr always, stdout on a terminal.
// Every byte written there passes through terminal_text (rolo/text.hpp), so
// that names, notes and imported fields cannot send escape sequences to the
// terminal, whichever command prints them.
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace rolo::app {

class TerminalFilter;

// Installs the filter on std::cerr, and on std::cout when it is a terminal;
// flushes and removes it when it goes.
class TerminalGuard {
public:
    TerminalGuard();
    ~TerminalGuard();
    TerminalGuard(const TerminalGuard&) = delete;
    TerminalGuard& operator=(const TerminalGuard&) = delete;

private:
    std::unique_ptr<TerminalFilter> cout_filter_, cerr_filter_;
    std::streambuf* cout_ = nullptr;  // what the streams wrote to before
    std::streambuf* cerr_ = nullptr;
};

// Writes text that is already safe and carries rolo's own colours (a
// rendered table) past the filter.
void write_styled(std::ostream& out, std::string_view text);

}  // namespace rolo::app
