#pragma once
// The keys an import matches people by, and the index that finds them.
#include "rolo/text.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

// Keys (normalised LinkedIn URLs, or emails) to the ids of the contacts
// they match. An open-addressing table of 8-byte slots over keys kept in
// one arena: matching the rows of a 50,000-row import spent a tenth of its
// time in std::unordered_map, chasing a node or two per lookup.
class KeyIndex {
public:
    std::optional<std::int64_t> find(std::string_view key) const {
        if (key.empty() || slots_.empty()) return std::nullopt;
        const Slot& slot = slots_[probe(key, hash(key))];
        return slot.entry ? std::optional(ids_[slot.entry - 1]) : std::nullopt;
    }

    // The first contact added with a key keeps it.
    void add(std::string_view key, std::int64_t id) {
        if (key.empty()) return;
        if (2 * (keys_.size() + 1) > slots_.size()) grow(std::max<std::size_t>(1024, 2 * slots_.size()));
        std::size_t h = hash(key);
        Slot& slot = slots_[probe(key, h)];
        if (slot.entry) return;
        auto* text = static_cast<char*>(arena_.allocate(key.size(), 1));
        std::copy(key.begin(), key.end(), text);
        keys_.emplace_back(text, key.size());
        ids_.push_back(id);
        slot = {tag(h), static_cast<std::uint32_t>(keys_.size())};
    }

private:
    struct Slot {
        std::uint32_t tag = 0;    // high bits of the key's hash: most mismatches end here
        std::uint32_t entry = 0;  // 1 + the key's place in keys_ and ids_; 0: empty
    };

    static std::size_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
    static std::uint32_t tag(std::size_t h) { return static_cast<std::uint32_t>(h >> 32); }

    // The slot holding `key`, else the empty slot where it would go.
    std::size_t probe(std::string_view key, std::size_t h) const {
        std::size_t mask = slots_.size() - 1;
        std::size_t i = h & mask;
        while (slots_[i].entry && (slots_[i].tag != tag(h) || keys_[slots_[i].entry - 1] != key)) i = (i + 1) & mask;
        return i;
    }

    void grow(std::size_t size) {
        slots_.assign(size, Slot{});
        for (std::size_t entry = 0; entry < keys_.size(); ++entry) {
            std::size_t h = hash(keys_[entry]);
            std::size_t i = h & (size - 1);
            while (slots_[i].entry) i = (i + 1) & (size - 1);
            slots_[i] = {tag(h), static_cast<std::uint32_t>(entry + 1)};
        }
    }

    std::vector<Slot> slots_;  // a power of two long, at most half full
    std::vector<std::string_view> keys_;
    std::vector<std::int64_t> ids_;
    std::pmr::monotonic_buffer_resource arena_;
};

inline std::string email_key(std::string_view email) { return fold(trim_view(email)); }

// For people with neither a LinkedIn URL nor an email (an address book's
// plumber): the name and the phone's digits, so a re-import finds them again.
inline std::string name_phone_key(std::string_view name, std::string_view phone) {
    std::string key = fold(trim_view(name));
    key += '\n';
    std::copy_if(phone.begin(), phone.end(), std::back_inserter(key), [](char c) { return c >= '0' && c <= '9'; });
    return key;
}

}  // namespace rolo
