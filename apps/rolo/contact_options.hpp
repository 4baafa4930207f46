#pragma once
// The contact options `add` and `edit` share, and what they mean.
#include "rolo/contact.hpp"

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rolo::app {

struct ContactOptions {
    std::optional<std::string> call, email, phone, company, title, location, linkedin, met, met_on, known_since,
        interests, note, every, via;
    std::vector<std::string> tags;
    std::vector<std::string> knows;  // WHO[:STRENGTH]
    bool not_connected = false;
};

void add_contact_options(CLI::App& command, ContactOptions& options);

// The field changes the options ask for; dates are read relative to `today`.
ContactChange to_change(const ContactOptions& options, Date today);

// The people --knows and --via name, resolved before the contact is written
// so that a WHO can never match the contact itself.
struct PlannedLink {
    std::int64_t id;
    int strength;
};
std::vector<PlannedLink> plan_links(Store& store, const ContactOptions& options);

void add_links(Store& store, std::int64_t id, const std::vector<PlannedLink>& links, Date today);

// Refuses a contact whose email or LinkedIn URL another contact already has.
void refuse_duplicate(Store& store, const Contact& contact);

// Warns when another contact has the same name.
void warn_same_name(Store& store, const Contact& contact);

}  // namespace rolo::app
