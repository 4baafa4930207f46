#pragma once
// An RFC 4180 CSV reader: comma-separated fields, records ended by CRLF or
// LF, double-quoted fields that may hold commas, quotes ("") and line
// breaks. A UTF-8 byte order mark at the start is skipped. Written here
// because Debian packages no C++ CSV library (only libcsv, a C one).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;           // where the record starts, 1-based
    std::string_view text;  // the record as written, quotes and all
};

class CsvReader {
public:
    explicit CsvReader(std::string_view text);

    // Reads the next record into `record`, reusing its strings; false at the
    // end. A quoted field still open at the end of the text is an Error
    // naming the line it started on.
    bool next(CsvRecord& record);

private:
    void read_quoted(std::string& field, int start_line);

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

}  // namespace rolo
