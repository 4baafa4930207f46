#pragma once
// Exporting everything rolo knows, to rebuild it elsewhere or read it with
// other tools. Contacts are written by id, so that exporting, importing into
// an empty database and exporting again gives the same bytes.
#include "rolo/table.hpp"

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rolo {

class Store;

// name email phone company title location linkedin_url met_at met_on interests
// notes every tags connected connected_on archived snoozed_until: the columns
// `import` reads.
Table export_contacts(Store& store);

// contact_id name date kind direction summary next_on
Table export_interactions(Store& store);

// a a_name b b_name strength context since
Table export_knows(Store& store);

// The intros table (see intro_records).
Table export_intros(Store& store);

// One document: {"contacts": [...], "interactions": [...], "knows": [...], "intros": [...]}.
nlohmann::ordered_json export_json(Store& store);

// Contacts only, as vCard 3.0, each with its UID (given now if it had none).
std::string export_vcards(Store& store);

}  // namespace rolo
