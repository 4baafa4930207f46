#include "rolo/csv.hpp"

#include "rolo/error.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rolo {
namespace {

bool special(char c) { return c == ',' || c == '\n' || c == '\r' || c == '"'; }

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

bool CsvReader::next(CsvRecord& record) {
    if (pos_ >= text_.size()) return false;
    record.line = line_;
    std::size_t start = pos_;
    // The record's strings are reused, so that reading a large file allocates
    // only for its first rows.
    std::size_t count = 0;
    auto start_field = [&]() -> std::string& {
        if (count == record.fields.size()) record.fields.emplace_back();
        std::string& field = record.fields[count++];
        field.clear();
        return field;
    };
    std::string* field = &start_field();
    bool was_quoted = false;  // the current field started with a quote
    while (pos_ < text_.size()) {
        char c = text_[pos_++];
        if (!special(c)) {
            // Copy a run of plain characters at once.
            std::size_t end = pos_;
            while (end < text_.size() && !special(text_[end])) ++end;
            field->append(text_.substr(pos_ - 1, end - pos_ + 1));
            pos_ = end;
        } else if (c == ',') {
            field = &start_field();
            was_quoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            ++line_;
            break;
        } else if (field->empty() && !was_quoted) {
            was_quoted = true;
            read_quoted(*field, record.line);
        } else {
            *field += c;  // a stray quote inside an unquoted field is kept as text
        }
    }
    record.fields.resize(count);
    record.text = text_.substr(start, pos_ - start);
    return true;
}

void CsvReader::read_quoted(std::string& field, int start_line) {
    for (;;) {
        auto close = text_.find('"', pos_);
        if (close == std::string_view::npos)
            throw Error(fmt::format("line {}: a quoted field is never closed", start_line));
        std::string_view part = text_.substr(pos_, close - pos_);
        line_ += static_cast<int>(std::count(part.begin(), part.end(), '\n'));
        field.append(part);
        pos_ = close + 1;
        if (pos_ >= text_.size() || text_[pos_] != '"') return;
        field += '"';  // "" is a quote inside the field
        ++pos_;
    }
}

}  // namespace rolo
