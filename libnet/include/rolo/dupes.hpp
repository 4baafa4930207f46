#pragma once
// One person, one record: finding the contacts that are likely the same
// person (`rolo dupes`) and folding one into another (`rolo merge`).
#include "rolo/contact.hpp"
#include "rolo/date.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

class Store;

// The words of a name already folded, in their order, punctuation dropped:
// "o'brien-smith, j." is o, brien, smith, j.
std::vector<std::string> name_words(std::string_view folded);

// A name as dupes compares it: folded, honorifics ("Dr", "Mr") and suffixes
// ("PhD", "Jr", "MBA") and punctuation dropped, "Last, First" turned round,
// its words sorted (so word order does not matter).
std::string name_key(std::string_view name);

// Edits (insert, delete, substitute, swap two neighbours) from a to b, up to
// `limit`; anything more is limit + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

struct DuplicatePair {
    Contact first;   // the lower id: the one `rolo merge` is suggested to keep
    Contact second;
    std::vector<std::string> evidence;  // strongest first
    int strength = 0;                   // of the strongest evidence: 5 same LinkedIn, 4 email or phone .. 1 similar names
};

// Likely duplicates among active contacts, strongest first. Contacts are
// grouped by normalised keys (LinkedIn profile, email, phone, name key, name
// key less one letter), so only people sharing one are ever compared. Two
// people with different LinkedIn profiles are no pair by name alone: only a
// shared email or phone number makes them one.
std::vector<DuplicatePair> find_duplicates(Store& store);

struct MergeResult {
    Contact kept;                      // as it is after the merge
    std::vector<std::string> actions;  // what was moved, filled and dropped
};

// Folds `other` into `keep` in the caller's transaction: interactions,
// links (no self-link; a link both had keeps the stronger), intros, tags and
// a snooze move to `keep`; its empty fields are filled from `other`; a line
// in its notes records the merge and any of other's values that differed;
// other's kept vCard lines join keep's (merged_lines), and other's UID is
// keep's when keep has none; `other` is deleted. An Error, before anything is written, for a
// self-merge, an archived person, or an open intro between the two.
MergeResult merge_contacts(Store& store, std::int64_t keep, std::int64_t other, Date today);

}  // namespace rolo
