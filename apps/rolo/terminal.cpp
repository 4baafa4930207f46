#include "terminal.hpp"

#include "rolo/text.hpp"

#include <iostream>

#include <unistd.h>

namespace rolo::app {

// Passes on what is written, made safe, a line at a time (and on flush), so
// that output still appears as it did line-buffered.
class TerminalFilter : public std::streambuf {
public:
    explicit TerminalFilter(std::streambuf* target) : target_(target) {}

    std::streambuf* target() { return target_; }

    // Everything held back so far, made safe; an unfinished UTF-8 sequence
    // waits for its end unless `all`.
    bool pass_on(bool all) {
        std::size_t keep = all ? 0 : unfinished_utf8(pending_);
        std::string safe = terminal_text(std::string_view(pending_).substr(0, pending_.size() - keep));
        pending_.erase(0, pending_.size() - keep);
        auto written = target_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
        return written == static_cast<std::streamsize>(safe.size()) && target_->pubsync() == 0;
    }

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        char byte = traits_type::to_char_type(c);
        xsputn(&byte, 1);
        return c;
    }

    std::streamsize xsputn(const char* text, std::streamsize size) override {
        pending_.append(text, static_cast<std::size_t>(size));
        if (pending_.find('\n') != std::string::npos || pending_.size() >= 1 << 16) pass_on(false);
        return size;
    }

    int sync() override { return pass_on(false) ? 0 : -1; }

private:
    std::streambuf* target_;
    std::string pending_;
};


TerminalGuard::TerminalGuard() {
    cerr_filter_ = std::make_unique<TerminalFilter>(std::cerr.rdbuf());
    cerr_ = std::cerr.rdbuf(cerr_filter_.get());
    if (isatty(STDOUT_FILENO)) {
        cout_filter_ = std::make_unique<TerminalFilter>(std::cout.rdbuf());
        cout_ = std::cout.rdbuf(cout_filter_.get());
    }
}

TerminalGuard::~TerminalGuard() {
    if (cout_filter_) {
        cout_filter_->pass_on(true);
        std::cout.rdbuf(cout_);
        cout_filter_.reset();
    }
    cerr_filter_->pass_on(true);
    std::cerr.rdbuf(cerr_);
    cerr_filter_.reset();
}

void write_styled(std::ostream& out, std::string_view text) {
    auto* filter = dynamic_cast<TerminalFilter*>(out.rdbuf());
    if (!filter) {
        out << text;
        return;
    }
    filter->pass_on(true);
    filter->target()->sputn(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace rolo::app
