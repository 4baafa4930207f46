#pragma once
// Resolving the WHO argument of a command to one contact.
#include <cstdint>
#include <string_view>

namespace rolo {

class Store;

// Accepts an id (`42`, `#42`), an email, a LinkedIn profile URL, or a case-
// and accent-insensitive name: an exact name first, else a unique substring;
// at each step active contacts are preferred over archived ones. Throws Error when nothing
// matches or when several do (listing the candidates); nothing is guessed.
std::int64_t resolve_who(Store& store, std::string_view who);

}  // namespace rolo
