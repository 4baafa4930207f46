#pragma once
// Where each field of a contact came from: which source set the value it has
// (the user, LinkedIn, a vCard, a sync, an address book, a CSV or JSON file)
// and when, and what every source last said the field was. An import changes
// a field only when its source says something else than it said last time,
// so a re-imported export never puts back what the user changed since.
// Kept with the contact (contacts.sources, one value per person: a row per
// field made a 50,000-row import write 350,000 rows).
#include "rolo/contact.hpp"
#include "rolo/table.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

enum class Source { user, linkedin, vcard, sync, address_book, csv, json };

std::string_view to_string(Source source);  // "address book" for address_book
std::optional<Source> parse_source(std::string_view name);

// What one source last said a field was, and when it said so.
struct SourceSaid {
    Source source;
    std::string value;  // as the field table's text
    std::string at;     // a timestamp
    bool operator==(const SourceSaid&) const = default;
};

struct FieldProvenance {
    std::optional<Source> set_by;  // who set the value the field has now; none: not known
    std::string set_at;
    std::vector<SourceSaid> said;  // one per source, in the order they first spoke

    const SourceSaid* said_by(Source source) const;
    bool operator==(const FieldProvenance&) const = default;
};

// By field name (fields.hpp).
using Provenance = std::map<std::string, FieldProvenance, std::less<>>;

// As contacts.sources holds it, and back; "" is none. Throws nothing: a
// value it cannot read is no provenance.
std::string provenance_text(const Provenance& provenance);
Provenance parse_provenance(std::string_view text);

// Records in `after.sources` that `source` set every field whose value
// differs from `before`'s, at `at`.
void record_changes(const Contact& before, Contact& after, Source source, const std::string& at);

// An import's rule. `change` is what a source gives of someone known
// (`existing`): each field it gives that the source gave just the same last
// time is dropped from it, so that a value the user (or another source) has
// set since stays. Then `existing` with the change applied is returned,
// with what the source said recorded in its provenance (the fields it set,
// and those it only said). A new person: every field the change gives is
// set by the source.
Contact sourced_update(const Contact& existing, ContactChange change, Source source, const std::string& at);

// Each field that has a value, or a recorded source: field, value, source,
// set_at (the source and when it set the value), and what each source last
// said of it (said: "linkedin: Managing Partner (2026-11-20 ...)").
Table source_records(const Contact& contact);

}  // namespace rolo
