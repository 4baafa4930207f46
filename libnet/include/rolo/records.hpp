#pragma once
// Each concept as a table of records with a fixed column order: what
// listings print and what export writes.
#include "rolo/contact.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/table.hpp"

#include <vector>

namespace rolo {

// id, every field of the contact table (fields.hpp), created_at updated_at
Table contact_records(const std::vector<Contact>& contacts);

// id date contact_id name kind direction summary next_on
Table interaction_records(const std::vector<Interaction>& interactions);

// id name company strength context
Table acquaintance_records(const std::vector<Acquaintance>& people);

// id kind broker_id broker target_id target asked_on followed_up_on status reason note
Table intro_records(const std::vector<Intro>& intros);

}  // namespace rolo
