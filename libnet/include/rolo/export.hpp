#pragma once
// Exporting everything rolo knows, to rebuild it elsewhere or read it with
// other tools. Contacts are written by id, so that exporting, importing into
// an empty database and exporting again gives the same bytes.
#include "rolo/table.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace rolo {

class Store;

// id and every field of the contact table (fields.hpp): the columns `import` reads.
Table export_contacts(Store& store);

// contact_id name date kind direction summary next_on
Table export_interactions(Store& store);

// a a_name b b_name strength context since
Table export_knows(Store& store);

// The intros table (see intro_records).
Table export_intros(Store& store);

// One document, {"contacts": [...], "interactions": [...], "knows": [...],
// "intros": [...]}, or with `only` that list alone, as of one moment. It is
// handed to `write` in pieces as it is made, never held whole: at 1,000,000
// interactions it is hundreds of megabytes of text, and as one JSON value it
// took 5.4 GB.
void write_export_json(Store& store, const std::optional<std::string>& only,
                       const std::function<void(std::string_view)>& write);

// Contacts only, as vCard 3.0, each with its UID (given now if it had none).
std::string export_vcards(Store& store);

}  // namespace rolo
