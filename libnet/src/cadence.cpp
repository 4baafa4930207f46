#include "rolo/cadence.hpp"

#include <fmt/format.h>

namespace rolo {

std::optional<Cadence> effective_cadence(const Contact& contact, const Config& config) {
    if (contact.cadence_days) return Cadence{*contact.cadence_days, "own"};
    std::optional<Cadence> shortest;
    for (const auto& tag : contact.tags) {
        auto found = config.every_by_tag.find(tag);
        if (found != config.every_by_tag.end() && (!shortest || found->second < shortest->days))
            shortest = Cadence{found->second, "tag " + tag};
    }
    if (shortest) return shortest;
    if (config.default_every_days) return Cadence{*config.default_every_days, "default"};
    return std::nullopt;
}

std::string describe(const Cadence& cadence) {
    if (cadence.source == "own") return fmt::format("every {}", format_days(cadence.days));
    if (cadence.source == "default") return fmt::format("every {}, the default", format_days(cadence.days));
    return fmt::format("every {}, from {}", format_days(cadence.days), cadence.source);
}

}  // namespace rolo
