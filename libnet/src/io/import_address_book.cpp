#include "import_address_book.hpp"

#include "rolo/text.hpp"

#include <charconv>
#include <map>

#include <fmt/format.h>

namespace rolo {
namespace {

// What a column holds. Values of `extra` columns, and emails, phones and
// websites beyond the first, are kept in one marked line of the notes.
enum class Role {
    ignored, extra, full_name, given, middle, family, suffix, nickname, file_as, company, title, notes, tags,
    email, phone, website
};

struct Column {
    Role role = Role::extra;
    std::string what;                  // how the extras line names a value of it
    std::optional<std::size_t> label = {};  // Google's "X n - Label" (or "- Type") column for this value
    int rank = 1;                      // phones: the lowest rank is the primary one
};

// Columns known by their whole name, in both Google eras and both Outlooks.
const std::map<std::string_view, Role>& named_roles() {
    static const std::map<std::string_view, Role> roles = {
        {"Name", Role::full_name}, {"First Name", Role::given}, {"Given Name", Role::given},
        {"Middle Name", Role::middle}, {"Additional Name", Role::middle}, {"Last Name", Role::family},
        {"Family Name", Role::family}, {"Name Suffix", Role::suffix}, {"Suffix", Role::suffix},
        {"Nickname", Role::nickname}, {"File As", Role::file_as}, {"Organization Name", Role::company},
        {"Organization 1 - Name", Role::company}, {"Company", Role::company}, {"Organization Title", Role::title},
        {"Organization 1 - Title", Role::title}, {"Job Title", Role::title}, {"Notes", Role::notes},
        {"Labels", Role::tags}, {"Group Membership", Role::tags}, {"Categories", Role::tags},
        {"E-mail Address", Role::email}, {"E-mail 2 Address", Role::email}, {"E-mail 3 Address", Role::email},
        {"Web Page", Role::website}, {"Personal Web Page", Role::website},
        // A link to Google's copy of the photo; Outlook's bookkeeping, filled in for everyone.
        {"Photo", Role::ignored}, {"Initials", Role::ignored}, {"Priority", Role::ignored},
        {"Sensitivity", Role::ignored}, {"Private", Role::ignored}, {"E-mail Type", Role::ignored},
        {"E-mail 2 Type", Role::ignored}, {"E-mail 3 Type", Role::ignored}, {"E-mail Display Name", Role::ignored},
        {"E-mail 2 Display Name", Role::ignored}, {"E-mail 3 Display Name", Role::ignored},
    };
    return roles;
}

// Google's numbered columns, "E-mail 2 - Value": the kind ("E-mail"), the
// kind and number ("E-mail 2") and the part ("Value"); nullopt for other names.
struct Numbered {
    std::string_view kind, key, part;
};
std::optional<Numbered> numbered(std::string_view name) {
    auto dash = name.find(" - ");
    if (dash == std::string_view::npos) return std::nullopt;
    std::string_view key = name.substr(0, dash);
    auto space = key.rfind(' ');
    if (space == std::string_view::npos || space + 1 == key.size()) return std::nullopt;
    int number = 0;
    auto digits = key.substr(space + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return Numbered{key.substr(0, space), key, name.substr(dash + 3)};
}

Column classify(std::string_view name) {
    if (auto role = named_roles().find(name); role != named_roles().end()) return {role->second, std::string(name)};
    if (auto column = numbered(name)) {
        if (column->part == "Label" || column->part == "Type") return {Role::ignored, ""};  // read with its value
        if (column->part != "Value" && column->part != "Formatted")
            // The parts of an address repeat its Formatted column.
            return {column->kind == "Address" ? Role::ignored : Role::extra, std::string(name)};
        Role role = column->kind == "E-mail" ? Role::email
                    : column->kind == "Phone" ? Role::phone
                    : column->kind == "Website" ? Role::website
                                                : Role::extra;
        return {role, std::string(column->kind)};
    }
    // Outlook names a phone by its column: Mobile Phone, Business Phone 2, ...
    if (name.find("Phone") != std::string_view::npos && !name.starts_with("Assistant"))
        return {Role::phone, std::string(name), std::nullopt, name == "Primary Phone" ? -1 : name == "Mobile Phone" ? 0 : 1};
    return {Role::extra, std::string(name)};
}

struct Header {
    std::vector<Column> columns;
    std::vector<std::size_t> phones;  // the phone columns, primary first
};

Header read_header(const CsvRecord& record) {
    Header header;
    std::map<std::string, std::size_t, std::less<>> labels;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        auto name = trim_view(record.fields[i]);
        header.columns.push_back(classify(name));
        if (auto column = numbered(name); column && (column->part == "Label" || column->part == "Type"))
            labels.emplace(column->key, i);
    }
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        if (auto column = numbered(trim_view(record.fields[i]))) {
            if (auto label = labels.find(column->key); label != labels.end()) header.columns[i].label = label->second;
        }
        if (header.columns[i].role == Role::phone) header.phones.push_back(i);
    }
    std::stable_sort(header.phones.begin(), header.phones.end(),
                     [&](std::size_t a, std::size_t b) { return header.columns[a].rank < header.columns[b].rank; });
    return header;
}

bool has_column(const CsvRecord& header, std::string_view name) {
    return std::any_of(header.fields.begin(), header.fields.end(),
                       [&](const std::string& field) { return trim_view(field) == name; });
}

// Google puts several values in one cell, "a ::: b".
std::vector<std::string_view> values(std::string_view cell) {
    std::vector<std::string_view> parts;
    for (;;) {
        auto separator = cell.find(":::");
        auto part = trim_view(cell.substr(0, separator));
        if (!part.empty()) parts.push_back(part);
        if (separator == std::string_view::npos) return parts;
        cell.remove_prefix(separator + 3);
    }
}

// One line of the extras: line breaks (in an address) become ", ".
std::string one_line(std::string_view text) {
    std::string line;
    for (auto part : split(text, '\n'))
        if (auto piece = trim_view(part); !piece.empty()) line.append(line.empty() ? "" : ", ").append(piece);
    return line;
}

// Outlook writes these for people who have no birthday, gender...
bool placeholder(std::string_view value) { return value == "0/0/00" || value == "Unspecified"; }

void set_text(std::optional<std::string>& field, std::string_view value) {
    if (!value.empty()) field = value;
}

const std::string extras_mark = "[address book] ";

class RowReader {
public:
    RowReader(const Header& header, const CsvRecord& record, ImportFormat format)
        : header_(header), record_(record), format_(format) {}

    void fill(ContactChange& change) {
        std::vector<std::string_view> name_parts;
        std::string_view full_name, given, nickname, file_as;
        for (std::size_t i = 0; i < header_.columns.size(); ++i) {
            const Column& column = header_.columns[i];
            auto value = cell(i);
            if (value.empty()) continue;
            switch (column.role) {
            case Role::ignored: break;
            case Role::extra:
                if (!placeholder(value)) add_extra(labelled(column), value);
                break;
            case Role::full_name: full_name = value; break;
            case Role::given: given = value; [[fallthrough]];
            case Role::middle:
            case Role::family:
            case Role::suffix: name_parts.push_back(value); break;
            case Role::nickname: nickname = value; break;
            case Role::file_as: file_as = value; break;
            case Role::company: set_text(change.company, value); break;
            case Role::title: set_text(change.title, value); break;
            case Role::notes: set_text(change.notes, value); break;
            case Role::tags: add_tags(change, value); break;
            case Role::email: add_values(change.email, column, i); break;
            case Role::phone: break;  // in rank order, below
            case Role::website: add_websites(change, column, i); break;
            }
        }
        for (auto i : header_.phones) add_values(change.phone, header_.columns[i], i);
        std::string parts;
        for (auto part : name_parts) parts.append(parts.empty() ? "" : " ").append(part);
        // Someone known only by a company (a shop, a plumber) is named by it.
        if (!full_name.empty()) change.name = full_name;
        else if (!parts.empty()) change.name = parts;
        else if (!file_as.empty()) change.name = file_as;
        else change.name = change.company;
        set_text(change.call_name, nickname.empty() ? given : nickname);
        if (!extras_.empty()) {
            std::string notes = change.notes.value_or("");
            change.notes = notes.append(notes.empty() ? "" : "\n").append(extras_mark).append(extras_);
        }
    }

private:
    std::string_view cell(std::size_t i) const { return trim_view(record_.fields[i]); }

    // "Phone (Mobile)" from Google's label column; Outlook's columns name themselves.
    std::string labelled(const Column& column) const {
        std::string_view label = column.label ? cell(*column.label) : std::string_view();
        if (label.starts_with("* ")) label.remove_prefix(2);  // Google's mark of the primary value
        return label.empty() ? column.what : fmt::format("{} ({})", column.what, one_line(label));
    }

    void add_extra(std::string_view what, std::string_view value) {
        extras_.append(extras_.empty() ? "" : "; ").append(what).append(": ").append(one_line(value));
    }

    // The first value is the field, the others extras.
    void add_values(std::optional<std::string>& field, const Column& column, std::size_t i) {
        for (auto value : values(cell(i))) {
            if (!field) field = value;
            else add_extra(labelled(column), value);
        }
    }

    void add_websites(ContactChange& change, const Column& column, std::size_t i) {
        for (auto value : values(cell(i))) {
            if (!change.linkedin_url && looks_like_linkedin_url(value)) change.linkedin_url = value;
            else add_extra(labelled(column), value);
        }
    }

    void add_tags(ContactChange& change, std::string_view cell) {
        if (format_ == ImportFormat::outlook) {
            for (const auto& tag : split(cell, ';'))
                if (auto t = trim_view(tag); !t.empty()) change.add_tags.emplace_back(t);
            return;
        }
        for (auto label : values(cell)) {
            // Every contact is in myContacts; starred is a view, not a group.
            if (label == "* myContacts" || label == "* starred") continue;
            if (label.starts_with("* ")) label.remove_prefix(2);  // older system groups: "* Friends"
            change.add_tags.emplace_back(label);
        }
    }

    const Header& header_;
    const CsvRecord& record_;
    ImportFormat format_;
    std::string extras_;
};

}  // namespace

std::optional<ImportFormat> detect_address_book(std::string_view text) {
    CsvRecord header;
    try {
        CsvReader reader(text.substr(0, 64 * 1024));
        if (!reader.next(header)) return std::nullopt;
    } catch (const Error&) {
        return std::nullopt;
    }
    if (has_column(header, "Group Membership") || has_column(header, "E-mail 1 - Value") ||
        (has_column(header, "File As") && has_column(header, "Organization Name")))
        return ImportFormat::google;
    if (has_column(header, "E-mail Address") &&
        (has_column(header, "Job Title") || has_column(header, "Mobile Phone") || has_column(header, "Categories")))
        return ImportFormat::outlook;
    return std::nullopt;
}

RowSource address_book_rows(std::string_view text, ImportFormat format) {
    CsvReader reader(text);
    CsvRecord record;
    if (!reader.next(record) || blank(record)) throw Error("line 1: no header line");
    // Column names end up in the notes' [address book] line: they are checked as any value is.
    if (auto problem = text_problem(record.text); !problem.empty())
        throw Error(fmt::format("line {}: {}", record.line, problem));
    Header header = read_header(record);
    return [reader, record, header = std::move(header), format](ImportRow& row) mutable {
        do {
            if (!reader.next(record)) return false;
        } while (blank(record));
        fill_row(row, record.line, text_problem(record.text), [&](ContactChange& change) {
            if (record.fields.size() != header.columns.size())
                throw Error(fmt::format("expected {} fields, found {}", header.columns.size(), record.fields.size()));
            RowReader(header, record, format).fill(change);
        });
        return true;
    };
}

std::optional<std::string> utf8_from_utf16(std::string_view bytes, const std::string& source) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    bool little;
    std::size_t start = 2;  // past the byte order mark
    if (bytes.starts_with("\xFF\xFE")) little = true;
    else if (bytes.starts_with("\xFE\xFF")) little = false;
    // No mark: a header in ASCII has every other byte zero.
    else if (bytes.size() >= 4 && byte(0) && !byte(1) && byte(2) && !byte(3)) little = true;
    else if (bytes.size() >= 4 && !byte(0) && byte(1) && !byte(2) && byte(3)) little = false;
    else return std::nullopt;
    if (!bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF")) start = 0;
    if (bytes.size() % 2) throw Error(fmt::format("{}: not valid UTF-16: an odd number of bytes", source));
    auto unit = [&](std::size_t i) -> char32_t {
        return little ? byte(i) | byte(i + 1) << 8 : byte(i) << 8 | byte(i + 1);
    };
    std::string text;
    text.reserve(bytes.size());
    for (std::size_t i = start; i < bytes.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xDC00 && c < 0xE000)
            throw Error(fmt::format("{}: not valid UTF-16: a lone low surrogate at byte {}", source, i));
        if (c >= 0xD800 && c < 0xDC00) {
            char32_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
            if (low < 0xDC00 || low >= 0xE000)
                throw Error(fmt::format("{}: not valid UTF-16: a lone high surrogate at byte {}", source, i));
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        if (c < 0x80) {
            text += static_cast<char>(c);
        } else if (c < 0x800) {
            text += static_cast<char>(0xC0 | c >> 6);
            text += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            text += static_cast<char>(0xE0 | c >> 12);
            text += static_cast<char>(0x80 | (c >> 6 & 0x3F));
            text += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            text += static_cast<char>(0xF0 | c >> 18);
            text += static_cast<char>(0x80 | (c >> 12 & 0x3F));
            text += static_cast<char>(0x80 | (c >> 6 & 0x3F));
            text += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return text;
}

}  // namespace rolo
