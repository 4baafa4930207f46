#pragma once
// A WHERE clause of only the filters a query is actually given. The catch-all
// shape `(?1 IS NULL OR col = ?1)` hides the column from SQLite's planner,
// which then cannot use an index on it: a lookup of one person's ten
// interactions walked all of them.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo::sql {

class Where {
public:
    using Value = std::variant<std::int64_t, std::string>;

    // Parameters are numbered from `first_parameter`, after any the rest of
    // the statement binds itself.
    explicit Where(int first_parameter = 1) : first_parameter_(first_parameter) {}

    // Adds `condition`, every `?` of which stands for `value`.
    Where& add(std::string_view condition, Value value) {
        std::string number = parameter(std::move(value));
        std::string text;
        for (char c : condition) {
            if (c == '?')
                text += number;
            else
                text += c;
        }
        return add(text);
    }

    // Adds a condition without parameters.
    Where& add(std::string_view condition) {
        clause_ += clause_.empty() ? " (" : " AND (";
        clause_ += condition;
        clause_ += ')';
        return *this;
    }

    // A parameter for another part of the statement (a LIMIT): its "?N".
    std::string parameter(Value value) {
        values_.push_back(std::move(value));
        return fmt::format("?{}", first_parameter_ + static_cast<int>(values_.size()) - 1);
    }

    // "WHERE (...) AND (...) ", or nothing when no filter was given; after
    // a WHERE of the statement's own, `keyword` "AND".
    std::string sql(std::string_view keyword = "WHERE") const {
        return clause_.empty() ? std::string() : std::string(keyword) + clause_ + ' ';
    }

    void bind(SQLite::Statement& statement) const {
        int index = first_parameter_;
        for (const auto& value : values_)
            std::visit([&](const auto& v) { statement.bind(index++, v); }, value);
    }

private:
    int first_parameter_;
    std::string clause_;
    std::vector<Value> values_;
};

}  // namespace rolo::sql
