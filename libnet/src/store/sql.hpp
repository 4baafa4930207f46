#pragma once
// Conversions between rolo's field conventions and SQLite columns, shared by
// every table's SQL: empty text and absent dates are NULL.
#include "rolo/date.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo::sql {

inline std::string text(const SQLite::Column& column) { return column.isNull() ? std::string() : column.getString(); }

inline std::optional<Date> date(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return parse_iso_date(column.getString());
}

inline void bind_text(SQLite::Statement& statement, int index, const std::string& value) {
    if (value.empty())
        statement.bind(index);
    else
        statement.bind(index, value);
}

// For bulk writes, after statement.clearBindings(): binds the text without
// a copy, and leaves an empty one NULL. `value` must outlive the statement's
// next exec(), so never pass a temporary.
inline void bind_text_in_place(SQLite::Statement& statement, int index, const std::string& value) {
    if (!value.empty()) statement.bindNoCopy(index, value);
}

inline void bind_date(SQLite::Statement& statement, int index, const std::optional<Date>& value) {
    if (value)
        statement.bind(index, format_date(*value));
    else
        statement.bind(index);
}

// A contact's name as WHO matching compares it, rolo_fold(name). rolo keeps
// it in name_key, indexed; a row another program added has no key, and its
// name is folded as it is read.
inline constexpr std::string_view folded_name = "coalesce(name_key, rolo_fold(name))";

// True when a contact's folded name is PARAMETER, found through name_key's index.
inline std::string folded_name_is(std::string_view parameter) {
    return fmt::format("(name_key = {0} OR name_key IS NULL AND rolo_fold(name) = {0})", parameter);
}

}  // namespace rolo::sql
