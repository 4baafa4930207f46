#pragma once
// Google Contacts' CSV (the current export and the older one) and Outlook's
// CSV (classic and newer), read by their column names.
#include "import_rows.hpp"

#include <optional>
#include <string_view>

namespace rolo {

// google or outlook when the first line is one of their headers.
std::optional<ImportFormat> detect_address_book(std::string_view text);

// Throws Error "line N: ..." for a file with no header.
RowSource address_book_rows(std::string_view text, ImportFormat format);

}  // namespace rolo
