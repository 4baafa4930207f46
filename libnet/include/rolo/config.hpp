#pragma once
// config.toml: who you are ([me]) and the defaults that shape `due` and
// `draft`. A missing file means defaults; a malformed one is an error naming
// file:line:column; an unknown key is a warning.
#include "rolo/date.hpp"
#include "rolo/text.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rolo {

struct Me {
    std::string name;
    std::string email;
    std::string signature;
};

struct Config {
    std::filesystem::path path;
    bool found = false;  // false: the file does not exist and these are the defaults
    Me me;
    std::optional<Every> default_every;     // [defaults].every: cadence when nothing else sets one
    int hello_window_days = 14;             // [defaults].hello_window
    int intro_follow_up_days = 7;           // [defaults].intro_follow_up
    int connect_window_days = 7;            // [defaults].connect_window: connect with someone you met within it
    int invite_window_days = 21;            // [defaults].invite_window: an invitation pending longer is unanswered
    int job_change_window_days = 30;        // [defaults].job_change_window: a new role is news this long
    std::map<std::string, Every, TagLess> every_by_tag;  // [every]: tag -> cadence, tags in any case
    std::map<std::string, std::string, TagLess> kind_words;  // [kinds]: a word you log -> one of rolo's kinds
    int connect_limit = 200;                  // [draft].connect_limit, in code points
    std::vector<std::string> warnings;        // "file:line:col: ..." for the caller to print
};

Config load_config(const std::filesystem::path& path);

// Parses TOML text; `source` names it in messages. Used by load_config and tests.
Config parse_config(std::string_view text, const std::filesystem::path& source);

// The commented config `rolo init` writes, with the [me] values it was given.
std::string default_config_text(const Me& me = {});

}  // namespace rolo
