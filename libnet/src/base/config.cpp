#include "rolo/config.hpp"

#include "rolo/date.hpp"
#include "rolo/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

namespace rolo {
namespace {

std::string where(const std::filesystem::path& source, const toml::source_region& region) {
    return fmt::format("{}:{}:{}", source.string(), region.begin.line, region.begin.column);
}

class Reader {
public:
    Reader(Config& config, const std::filesystem::path& source) : config_(config), source_(source) {}

    const toml::table* table(const toml::table& root, std::string_view name) {
        const toml::node* node = root.get(name);
        if (!node) return nullptr;
        if (!node->is_table()) fail(*node, fmt::format("[{}] must be a table", name));
        return node->as_table();
    }

    std::string string(const toml::table& table, std::string_view section, std::string_view key,
                       std::string fallback) {
        const toml::node* node = table.get(key);
        if (!node) return fallback;
        if (!node->is_string()) fail(*node, fmt::format("{}.{} must be a string", section, key));
        return node->as_string()->get();
    }

    // A duration string; "" means none.
    std::optional<int> days(const toml::node& node, std::string_view name) {
        if (!node.is_string()) fail(node, fmt::format("{} must be a duration string like \"30d\"", name));
        const std::string& text = node.as_string()->get();
        if (text.empty()) return std::nullopt;
        try {
            return duration_days(parse_duration(text));
        } catch (const Error& e) {
            fail(node, fmt::format("{}: {}", name, e.what()));
        }
    }

    // A cadence string ("30d", "4w..6w"); "" means none.
    std::optional<Every> every(const toml::node& node, std::string_view name) {
        if (!node.is_string()) fail(node, fmt::format("{} must be a cadence string like \"30d\" or \"4w..6w\"", name));
        try {
            return parse_every(node.as_string()->get());
        } catch (const Error& e) {
            fail(node, fmt::format("{}: {}", name, e.what()));
        }
    }

    int positive_integer(const toml::node& node, std::string_view name) {
        if (!node.is_integer() || node.as_integer()->get() <= 0 || node.as_integer()->get() > 100000)
            fail(node, fmt::format("{} must be a positive whole number", name));
        return static_cast<int>(node.as_integer()->get());
    }

    void warn_unknown(const toml::table& table, std::string_view section,
                      std::initializer_list<std::string_view> known) {
        for (const auto& entry : table) {
            const toml::key& key = entry.first;
            if (std::find(known.begin(), known.end(), key.str()) == known.end())
                config_.warnings.push_back(
                    fmt::format("{}: unknown key '{}'{}", where(source_, key.source()), key.str(),
                                section.empty() ? "" : fmt::format(" in [{}]", section)));
        }
    }

    [[noreturn]] void fail(const toml::node& node, const std::string& message) {
        throw Error(fmt::format("{}: {}", where(source_, node.source()), message));
    }

private:
    Config& config_;
    const std::filesystem::path& source_;
};

}  // namespace

Config parse_config(std::string_view text, const std::filesystem::path& source) {
    Config config;
    config.path = source;
    config.found = true;
    toml::table root;
    try {
        root = toml::parse(text, source.string());
    } catch (const toml::parse_error& e) {
        throw Error(fmt::format("{}: {}", where(source, e.source()), e.description()));
    }
    Reader reader(config, source);
    reader.warn_unknown(root, "", {"me", "defaults", "every", "draft", "kinds"});
    if (const auto* me = reader.table(root, "me")) {
        config.me.name = reader.string(*me, "me", "name", "");
        config.me.email = reader.string(*me, "me", "email", "");
        config.me.signature = reader.string(*me, "me", "signature", config.me.name);
        reader.warn_unknown(*me, "me", {"name", "email", "signature"});
    }
    if (const auto* defaults = reader.table(root, "defaults")) {
        if (const auto* node = defaults->get("every")) config.default_every = reader.every(*node, "defaults.every");
        if (const auto* node = defaults->get("hello_window"))
            config.hello_window_days = reader.days(*node, "defaults.hello_window").value_or(0);
        if (const auto* node = defaults->get("intro_follow_up"))
            config.intro_follow_up_days = reader.days(*node, "defaults.intro_follow_up").value_or(0);
        if (const auto* node = defaults->get("connect_window"))
            config.connect_window_days = reader.days(*node, "defaults.connect_window").value_or(0);
        if (const auto* node = defaults->get("invite_window"))
            config.invite_window_days = reader.days(*node, "defaults.invite_window").value_or(0);
        if (const auto* node = defaults->get("job_change_window"))
            config.job_change_window_days = reader.days(*node, "defaults.job_change_window").value_or(0);
        reader.warn_unknown(*defaults, "defaults",
                            {"every", "hello_window", "intro_follow_up", "connect_window", "invite_window",
                             "job_change_window"});
    }
    if (const auto* every = reader.table(root, "every")) {
        for (const auto& [tag, node] : *every) {
            if (auto every = reader.every(node, fmt::format("every.{}", tag.str())))
                config.every_by_tag[std::string(tag.str())] = *every;
        }
    }
    if (const auto* kinds = reader.table(root, "kinds")) {
        for (const auto& [word, node] : *kinds)
            config.kind_words[std::string(word.str())] = reader.string(*kinds, "kinds", word.str(), "");
    }
    if (const auto* draft = reader.table(root, "draft")) {
        if (const auto* node = draft->get("connect_limit"))
            config.connect_limit = reader.positive_integer(*node, "draft.connect_limit");
        reader.warn_unknown(*draft, "draft", {"connect_limit"});
    }
    return config;
}

Config load_config(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        Config defaults;
        defaults.path = path;
        return defaults;
    }
    auto unreadable = [&path](int error) {
        return Error(fmt::format("cannot read config {}: {}", path.string(), std::strerror(error)));
    };
    if (std::filesystem::is_directory(path, ec)) throw unreadable(EISDIR);
    std::ifstream file(path, std::ios::binary);
    std::string text;
    if (file) text.assign(std::istreambuf_iterator<char>(file), {});
    // An empty file (or /dev/null) is a config that sets nothing.
    if (!file || file.bad()) throw unreadable(errno);
    return parse_config(text, path);
}

std::string default_config_text(const Me& me) {
    std::string text = R"toml(# rolo configuration. Every key is optional; shown here with its default.

[me]
# name = "Ada Lovelace"
# email = "ada@example.com"       # your direct email, used in introduction requests
# signature = "Ada"               # defaults to name

[defaults]
# every = ""                      # cadence when neither the person nor a tag sets one, e.g. "90d"
# hello_window = "14d"            # how long a new connection counts as new
# intro_follow_up = "7d"          # wait this long before the one polite follow-up
# connect_window = "7d"           # remind you to connect with someone you met this recently
# invite_window = "21d"           # an invitation pending this long is unanswered: let it go
# job_change_window = "30d"       # a job change an import found is news to congratulate on this long

[every]                           # cadence by tag; the shortest of a person's tags wins
# family = "14d"
# client = "4w..6w"               # ideal..maximum

[kinds]                           # your own words for what you log: `rolo log --kind WORD`
# standup = "meeting"             # word = one of rolo's kinds; the word stays in the summary

[draft]
# connect_limit = 200             # fits every LinkedIn account; 300 on premium ones
)toml";
    // What init was told takes the place of the example line.
    auto fill = [&text](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        std::size_t line = text.find("# " + key + " = ");
        // A JSON string is a TOML basic string, in the double quotes of the examples.
        text.replace(line, text.find('\n', line) - line, key + " = " + nlohmann::json(value).dump());
    };
    fill("name", me.name);
    fill("email", me.email);
    fill("signature", me.signature);
    return text;
}

}  // namespace rolo
