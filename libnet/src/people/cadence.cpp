#include "rolo/cadence.hpp"

#include <fmt/format.h>

namespace rolo {

std::optional<Cadence> effective_cadence(const Contact& contact, const Config& config) {
    if (contact.every) return Cadence{*contact.every, "own"};
    // The shortest ideal wins; between equal ideals, the shorter maximum.
    auto shorter = [](const Every& a, const Every& b) {
        return a.days != b.days ? a.days < b.days : a.max_days.value_or(a.days) < b.max_days.value_or(b.days);
    };
    std::optional<Cadence> shortest;
    for (const auto& tag : contact.tags) {
        auto found = config.every_by_tag.find(tag);
        if (found != config.every_by_tag.end() && (!shortest || shorter(found->second, shortest->every)))
            shortest = Cadence{found->second, "tag " + tag};
    }
    if (shortest) return shortest;
    if (config.default_every) return Cadence{*config.default_every, "default"};
    return std::nullopt;
}

std::string describe(const Cadence& cadence) {
    std::string every = format_every(cadence.every);
    if (cadence.source == "own") return fmt::format("every {}", every);
    if (cadence.source == "default") return fmt::format("every {}, the default", every);
    return fmt::format("every {}, from {}", every, cadence.source);
}

}  // namespace rolo
