#pragma once
// Where rolo keeps its files, following the XDG base directory spec.
#include <filesystem>
#include <optional>
#include <string>

namespace rolo {

// An environment variable's value; none when it is unset or empty.
std::optional<std::string> env(const char* name);

// --db, else ROLO_DB, else $XDG_DATA_HOME/rolo/rolo.db (~/.local/share/rolo/rolo.db).
std::filesystem::path database_path(const std::optional<std::string>& flag);

// --config, else ROLO_CONFIG, else $XDG_CONFIG_HOME/rolo/config.toml (~/.config/rolo/config.toml).
std::filesystem::path config_path(const std::optional<std::string>& flag);

// $XDG_CONFIG_HOME/rolo (~/.config/rolo): user templates and the default config live here.
std::filesystem::path config_dir();

}  // namespace rolo
