#include "rolo/csv.hpp"

#include "rolo/error.hpp"

#include <fmt/format.h>

namespace rolo {

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

std::optional<CsvRecord> CsvReader::next() {
    if (pos_ >= text_.size()) return std::nullopt;
    CsvRecord record;
    record.line = line_;
    record.fields.reserve(width_);
    std::string field;
    bool quoted = false;     // inside a quoted field
    bool was_quoted = false; // the current field started with a quote
    while (pos_ < text_.size()) {
        char c = text_[pos_++];
        if (quoted) {
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line_;
                field += c;
            }
            continue;
        }
        // Copy a run of plain characters at once.
        if (c != ',' && c != '\n' && c != '\r' && c != '"') {
            std::size_t end = text_.find_first_of(",\r\n\"", pos_);
            if (end == std::string_view::npos) end = text_.size();
            field.append(text_.substr(pos_ - 1, end - pos_ + 1));
            pos_ = end;
            continue;
        }
        if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            ++line_;
            record.fields.push_back(std::move(field));
            width_ = record.fields.size();
            return record;
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else {
            field += c;  // a stray quote inside an unquoted field is kept as text
        }
    }
    if (quoted) throw Error(fmt::format("line {}: a quoted field is never closed", record.line));
    record.fields.push_back(std::move(field));
    return record;
}

}  // namespace rolo
