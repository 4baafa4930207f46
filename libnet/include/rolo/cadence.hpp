#pragma once
// How often to keep in touch with a person, and where that comes from: their
// own --every, else the shortest cadence among their tags ([every] in the
// config), else [defaults].every, else none. Nothing is copied into rows, so a
// config change takes effect at once.
#include "rolo/config.hpp"
#include "rolo/contact.hpp"

#include <optional>
#include <string>

namespace rolo {

struct Cadence {
    Every every;
    std::string source;  // "own", "tag NAME" or "default"
};

std::optional<Cadence> effective_cadence(const Contact& contact, const Config& config);

// "every 2w, from tag family", "every 4w..6w"
std::string describe(const Cadence& cadence);

}  // namespace rolo
