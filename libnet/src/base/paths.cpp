#include "rolo/paths.hpp"

#include "rolo/error.hpp"

#include <cstdlib>

namespace rolo {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

namespace {

// An XDG base directory: the variable when set to an absolute path, else ~/fallback.
std::filesystem::path xdg_dir(const char* variable, const char* fallback) {
    if (auto dir = env(variable); dir && std::filesystem::path(*dir).is_absolute()) return *dir;
    auto home = env("HOME");
    if (!home) throw Error(std::string("cannot find a home for rolo's files: set HOME or ") + variable);
    return std::filesystem::path(*home) / fallback;
}

}  // namespace

std::filesystem::path database_path(const std::optional<std::string>& flag) {
    if (flag) return *flag;
    if (auto path = env("ROLO_DB")) return *path;
    return xdg_dir("XDG_DATA_HOME", ".local/share") / "rolo" / "rolo.db";
}

std::filesystem::path config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config") / "rolo"; }

std::filesystem::path config_path(const std::optional<std::string>& flag) {
    if (flag) return *flag;
    if (auto path = env("ROLO_CONFIG")) return *path;
    return config_dir() / "config.toml";
}

}  // namespace rolo
