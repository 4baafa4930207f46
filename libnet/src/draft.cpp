#include "rolo/draft.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace rolo {
namespace {

bool is_field_char(char c) { return std::islower(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// Walks a template text: literal runs go to `literal`, each {name} to `field`.
template <typename Literal, typename Field>
void scan(std::string_view text, Literal literal, Field field) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            literal(c, i);
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t end = i + 1;
            while (end < text.size() && is_field_char(text[end])) ++end;
            if (end < text.size() && text[end] == '}' && end > i + 1) {
                field(text.substr(i + 1, end - i - 1), i);
                i = end;
                continue;
            }
        }
        literal(c, i);
    }
}

std::string read_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw Error(fmt::format("{} is a directory, not a file", file.string()));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(fmt::format("cannot read {}: {}", file.string(), std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Letters and digits only, single-spaced: how notes are compared with LinkedIn's default.
std::string normalized(std::string_view text) {
    std::string out;
    for (char c : fold(text)) {
        bool keep = std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
        if (keep)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool contains_phrase(const std::string& folded_text, const std::string& phrase) {
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
    for (std::size_t at = folded_text.find(phrase); at != std::string::npos; at = folded_text.find(phrase, at + 1)) {
        bool starts = at == 0 || !word_char(folded_text[at - 1]);
        std::size_t end = at + phrase.size();
        bool ends = end == folded_text.size() || !word_char(folded_text[end]);
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace

const std::vector<std::string>& draft_kinds() {
    static const std::vector<std::string> kinds = {"connect", "hello",         "checkin",         "followup",
                                                   "thanks",  "intro-request", "intro-follow-up", "intro"};
    return kinds;
}

const std::vector<std::string>& known_fields() {
    static const std::vector<std::string> fields = {
        "first",       "name",       "company",       "title",       "met_at",          "met_on",
        "interests",   "last_summary", "last_on",     "shared_tags", "other.first",     "other.name",
        "other.company", "other.title", "other.interests", "why",    "about",           "me.name",
        "me.first",    "me.email",   "me.signature"};
    return fields;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> names;
    scan(text, [](char, std::size_t) {}, [&](std::string_view name, std::size_t) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
    });
    return names;
}

std::string fill(std::string_view text, const Fields& fields) {
    std::string out;
    scan(text, [&](char c, std::size_t) { out += c; }, [&](std::string_view name, std::size_t) {
        if (auto found = fields.find(std::string(name)); found != fields.end()) out += found->second;
    });
    return out;
}

Template load_template(const std::filesystem::path& file) {
    std::string source = read_file(file);
    toml::table root;
    try {
        root = toml::parse(source, file.string());
    } catch (const toml::parse_error& e) {
        throw Error(fmt::format("{}:{}:{}: {}", file.string(), e.source().begin.line, e.source().begin.column,
                                e.description()));
    }
    const toml::array* variants = root["variant"].as_array();
    if (!variants || variants->empty())
        throw Error(fmt::format("{}:1: a template needs at least one [[variant]] with a text", file.string()));
    std::vector<std::string> lines = split(source, '\n');
    Template tmpl;
    tmpl.file = file;
    for (const auto& node : *variants) {
        const toml::table* table = node.as_table();
        const toml::node* text = table ? table->get("text") : nullptr;
        int line = static_cast<int>(node.source().begin.line);
        if (!text || !text->is_string())
            throw Error(fmt::format("{}:{}: a [[variant]] needs a text string", file.string(), line));
        Template::Variant variant{text->as_string()->get(), static_cast<int>(text->source().begin.line)};
        // A multi-line string that opens with a line break starts on the next line.
        const std::string& opening = lines.at(static_cast<std::size_t>(variant.line - 1));
        if (trim(opening).ends_with("\"\"\"") || trim(opening).ends_with("'''")) ++variant.line;
        const auto& known = known_fields();
        scan(variant.text, [](char, std::size_t) {}, [&](std::string_view name, std::size_t at) {
            if (std::find(known.begin(), known.end(), name) != known.end()) return;
            int offset = static_cast<int>(std::count(variant.text.begin(), variant.text.begin() + at, '\n'));
            throw Error(fmt::format("{}:{}: unknown placeholder {{{}}}; known: {}", file.string(),
                                    variant.line + offset, name, join(known, " ")));
        });
        tmpl.variants.push_back(std::move(variant));
    }
    return tmpl;
}

Rendered render(const Template& tmpl, const Fields& fields) {
    auto has_value = [&](const std::string& name) {
        auto found = fields.find(name);
        return found != fields.end() && !trim(found->second).empty();
    };
    auto known = [&](const std::string& name) { return name.starts_with("me.") || has_value(name); };
    Rendered rendered;
    // {about} is an optional input, not homework: a variant uses it when given.
    for (const auto& name : placeholders(tmpl.variants.front().text))
        if (!has_value(name) && name != "about") rendered.missing.push_back(name);
    rendered.variant = tmpl.variants.size() - 1;
    for (std::size_t i = 0; i < tmpl.variants.size(); ++i) {
        auto names = placeholders(tmpl.variants[i].text);
        if (std::all_of(names.begin(), names.end(), known)) {
            rendered.variant = i;
            break;
        }
    }
    rendered.text = trim(fill(tmpl.variants[rendered.variant].text, fields)) + "\n";
    return rendered;
}

Fields draft_fields(const DraftSubject& subject, const Me& me, Date today) {
    const Contact& r = *subject.recipient;
    auto first_name = [](const std::string& name) { return name.substr(0, name.find(' ')); };
    Fields fields = {{"first", first_name(r.name)},
                     {"name", r.name},
                     {"company", r.company},
                     {"title", r.title},
                     {"met_at", r.met_at},
                     {"met_on", r.met_on ? humanize_date(*r.met_on, today) : ""},
                     {"interests", r.interests},
                     {"about", subject.about},
                     {"why", subject.why},
                     {"me.name", me.name},
                     {"me.first", first_name(me.name)},
                     {"me.email", me.email},
                     {"me.signature", me.signature}};
    if (subject.last) {
        fields["last_summary"] = subject.last->summary;
        fields["last_on"] = humanize_date(subject.last->on, today);
    }
    if (const Contact* o = subject.other) {
        fields["other.first"] = first_name(o->name);
        fields["other.name"] = o->name;
        fields["other.company"] = o->company;
        fields["other.title"] = o->title;
        fields["other.interests"] = o->interests;
        std::vector<std::string> shared;
        std::set_intersection(r.tags.begin(), r.tags.end(), o->tags.begin(), o->tags.end(), std::back_inserter(shared));
        fields["shared_tags"] = join(shared, ", ");
    }
    return fields;
}

std::string how_to_fill(const std::string& field, const DraftSubject& subject, const std::string& config_file) {
    static const std::map<std::string, std::string> options = {
        {"company", "--company"}, {"title", "--title"},         {"met_at", "--met"},
        {"met_on", "--met-on"},   {"interests", "--interests"}, {"name", "--name"}};
    if (field.starts_with("me."))
        return fmt::format("{} is empty: set {} under [me] in {}", field, field.substr(3), config_file);
    bool other = field.starts_with("other.");
    std::string plain = other ? field.substr(6) : field;
    const Contact* person = other ? subject.other : subject.recipient;
    std::int64_t id = person ? person->id : 0;
    if (auto option = options.find(plain); option != options.end())
        return fmt::format("{} is empty: do your homework: rolo edit {} {} \"...\"", field, id, option->second);
    if (plain == "last_summary" || plain == "last_on")
        return fmt::format("{} is empty: nothing logged with them yet: rolo log {} \"...\"", field, id);
    if (plain == "about") return "about is empty: say what it is about with --about \"...\"";
    if (plain == "why") return "why is empty: say why the introduction matters with --about \"...\"";
    return fmt::format("{} is empty", field);
}

std::string humanize_date(Date date, Date today) {
    using namespace std::chrono;
    static constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
    int days = days_between(date, today);
    year_month_day then{date}, now{today};
    std::string month = months[static_cast<unsigned>(then.month()) - 1];
    if (days == 0) return "today";
    if (days == 1) return "yesterday";
    if (days > 1 && days < 7) return "this week";
    if (days >= 7 && days < 14) return "last week";
    if (then.year() == now.year() && then.month() == now.month()) return "earlier this month";
    if (then.year() == now.year()) return "in " + month;
    return fmt::format("in {} {}", month, static_cast<int>(then.year()));
}

int count_sentences(std::string_view text) {
    static const std::set<std::string> abbreviations = {"e.g", "i.e", "eg", "ie", "dr",  "mr",  "mrs", "ms",
                                                        "prof", "etc", "vs", "st", "jr", "sr", "a.m", "p.m"};
    int count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t end = i;
        bool strong = false;  // ! and ? always end a sentence
        while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) {
            strong = strong || text[end] != '.';
            ++end;
        }
        std::size_t after = end;
        while (after < text.size() && (text[after] == '"' || text[after] == '\'' || text[after] == ')')) ++after;
        bool at_boundary = after == text.size() || std::isspace(static_cast<unsigned char>(text[after]));
        if (at_boundary && !strong && end == i + 1) {
            std::size_t start = text.find_last_of(" \t\r\n(\"'", i == 0 ? 0 : i - 1);
            start = start == std::string_view::npos ? 0 : start + 1;
            std::string word = fold(text.substr(start, i - start));
            bool initial = word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]));
            if (abbreviations.contains(word) || initial) at_boundary = false;
        }
        if (at_boundary) ++count;
        i = end - 1;
    }
    return count;
}

std::vector<Finding> lint(std::string_view text, const LintContext& context) {
    std::vector<Finding> findings;
    std::string body = trim(text);
    if (context.kind == "connect" && code_points(body) > static_cast<std::size_t>(context.connect_limit))
        findings.push_back({"length", fmt::format("{} characters; a connection note allows {}", code_points(body),
                                                  context.connect_limit)});
    if (int sentences = count_sentences(body); sentences > 5)
        findings.push_back({"sentences", fmt::format("{} sentences; keep it to five: who you are, what you ask, how "
                                                     "you can help each other, why it matters to them, when",
                                                     sentences)});
    for (const auto& missing : context.missing) findings.push_back({"empty-field", missing});
    for (const auto& name : placeholders(body))
        findings.push_back({"empty-field", fmt::format("{{{}}} is still in the message: fill it in", name)});
    if (context.pitch_applies) {
        std::string folded = fold(body);
        std::vector<std::string> found;
        for (const auto& phrase : context.pitch_words)
            if (contains_phrase(folded, fold(phrase))) found.push_back("'" + phrase + "'");
        if (!found.empty())
            findings.push_back({"pitch", fmt::format("{} in a message to someone new: say hello and ask about them "
                                                     "first, no pitch",
                                                     join(found, ", "))});
    }
    if (context.kind == "connect" || context.kind.empty()) {
        std::string note = normalized(body);
        for (std::string_view standard : {"I'd like to add you to my professional network on LinkedIn.",
                                          "I'd like to join your LinkedIn network.",
                                          "I'd like to connect with you on LinkedIn."}) {
            std::string plain = normalized(standard);
            // LinkedIn appends the sender's name; allow a short sign-off after the default text.
            if (note.starts_with(plain) && note.size() <= plain.size() + 40) {
                findings.push_back({"default-note", "this is LinkedIn's default note: say where you met or why you "
                                                    "want to connect"});
                break;
            }
        }
    }
    return findings;
}

std::vector<std::string> read_word_list(const std::filesystem::path& file) {
    std::vector<std::string> words;
    for (const auto& line : split(read_file(file), '\n')) {
        std::string word = trim(line);
        if (!word.empty() && !word.starts_with('#')) words.push_back(word);
    }
    return words;
}

}  // namespace rolo
