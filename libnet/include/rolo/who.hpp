#pragma once
// Resolving the WHO argument of a command to one contact.
#include <cstdint>
#include <string_view>

namespace rolo {

class Store;

// Accepts an id (`42`, `#42`), an email, a LinkedIn profile URL, or a case-
// and accent-insensitive name: the whole name or the name they go by (call
// name) first, "Last, First" as well as "First Last"; else a unique
// substring of either; else initials ("w parsons", "J. Smith"). At each step
// active contacts are preferred over archived ones. Throws Error when nothing
// matches (naming the closest names, a typing slip away, when there are any)
// or when several do (listing the candidates); nothing is guessed.
std::int64_t resolve_who(Store& store, std::string_view who);

}  // namespace rolo
