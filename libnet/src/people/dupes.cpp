#include "rolo/dupes.hpp"

#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <cctype>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// Words a name may carry that say nothing about who it is.
const std::set<std::string, std::less<>> name_noise = {
    "dr",  "mr",  "mrs", "ms",  "miss", "mx",  "prof", "sir", "dame", "phd", "md",
    "jr",  "sr",  "ii",  "iii", "iv",   "mba", "esq",  "msc", "bsc",  "ma",  "ba"};

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

}  // namespace

std::vector<std::string> name_words(std::string_view folded) {
    std::vector<std::string> words;
    std::string word;
    for (char c : std::string(folded) + ' ') {
        if (is_word_byte(c)) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

std::string name_key(std::string_view name) {
    auto words = name_words(fold(name));
    std::erase_if(words, [](const std::string& word) { return name_noise.contains(word); });
    std::sort(words.begin(), words.end());
    return join(words, " ");
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    std::size_t difference = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (difference > limit) return limit + 1;
    // Optimal string alignment distance, three rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

namespace {

struct Candidate {
    std::int64_t id = 0;
    std::string name, key, company, email, linkedin, phone;
};

// A phone number as dupes compares it: its last nine digits, past any country
// code or trunk 0 ("+44 20 7946 0958" and "020 7946 0958"); under eight digits
// is no number to judge by.
std::string phone_key(std::string_view phone) {
    constexpr std::size_t kept = 9;
    std::string digits;
    for (char c : phone)
        if (c >= '0' && c <= '9') digits += c;
    if (digits.size() < 8) return {};
    return digits.size() > kept ? digits.substr(digits.size() - kept) : digits;
}

// Two people with different LinkedIn profiles are two people, whatever their names:
// only an address or a number they share says otherwise.
bool different_profiles(const Candidate& a, const Candidate& b) {
    return !a.linkedin.empty() && !b.linkedin.empty() && a.linkedin != b.linkedin;
}

std::vector<Candidate> active_candidates(Store& store) {
    SQLite::Statement query(store.db(), "SELECT id, name, company, email, linkedin_url, phone FROM contacts "
                                        "WHERE archived = 0 ORDER BY id");
    std::vector<Candidate> list;
    while (query.executeStep()) {
        Candidate c;
        c.id = query.getColumn(0).getInt64();
        c.name = query.getColumn(1).getString();
        c.key = name_key(c.name);
        c.company = fold(trim(query.getColumn(2).getString()));
        c.email = fold(trim(query.getColumn(3).getString()));
        c.linkedin = linkedin_key(query.getColumn(4).getString());
        c.phone = phone_key(query.getColumn(5).getString());
        list.push_back(std::move(c));
    }
    return list;
}

// Evidence for pairs, by (index, index) with the first the lower.
using Evidence = std::map<std::pair<std::size_t, std::size_t>, std::vector<std::pair<int, std::string>>>;

// Calls `each` for every pair of candidates whose key (as `key_of` gives it,
// empty: none) is the same. Groups larger than `largest` are no evidence
// (a name shared by dozens of different people) and are skipped.
template <typename Key>
void same_key_pairs(const std::vector<Candidate>& candidates, std::function<std::vector<Key>(const Candidate&)> keys_of,
                    std::size_t largest, const std::function<void(std::size_t, std::size_t)>& each) {
    std::vector<std::pair<Key, std::size_t>> keyed;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (auto& key : keys_of(candidates[i])) keyed.emplace_back(std::move(key), i);
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t start = 0; start < keyed.size();) {
        std::size_t end = start;
        while (end < keyed.size() && keyed[end].first == keyed[start].first) ++end;
        if (end - start <= largest)
            for (std::size_t i = start; i < end; ++i)
                for (std::size_t j = i + 1; j < end; ++j)
                    if (keyed[i].second != keyed[j].second)
                        each(std::min(keyed[i].second, keyed[j].second), std::max(keyed[i].second, keyed[j].second));
        start = end;
    }
}

std::vector<std::string> one_key(const std::string& key) {
    return key.empty() ? std::vector<std::string>{} : std::vector<std::string>{key};
}

// The name key and each of it less one byte, hashed: two keys one edit
// apart (or two neighbours swapped) share one of them.
std::vector<std::size_t> deletion_hashes(const Candidate& c) {
    constexpr std::size_t shortest = 5;  // shorter names are too alike to judge
    if (c.key.size() < shortest) return {};
    std::hash<std::string_view> hash;
    std::vector<std::size_t> hashes{hash(c.key)};
    std::string variant;
    for (std::size_t i = 0; i < c.key.size(); ++i) {
        variant.assign(c.key).erase(i, 1);
        hashes.push_back(hash(variant));
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

}  // namespace

std::vector<DuplicatePair> find_duplicates(Store& store) {
    auto candidates = active_candidates(store);
    Evidence evidence;
    auto note = [&](int strength, std::function<std::string(const Candidate&, const Candidate&)> say) {
        return [&evidence, &candidates, strength, say](std::size_t i, std::size_t j) {
            auto& list = evidence[{i, j}];
            if (std::none_of(list.begin(), list.end(), [&](const auto& e) { return e.first == strength; }))
                list.emplace_back(strength, say(candidates[i], candidates[j]));
        };
    };
    constexpr std::size_t any_size = static_cast<std::size_t>(-1);
    constexpr std::size_t common_name = 20;
    same_key_pairs<std::string>(candidates, [](const Candidate& c) { return one_key(c.linkedin); }, any_size,
                                note(5, [](const Candidate& a, const Candidate&) {
                                    return fmt::format("same LinkedIn profile ({})", a.linkedin);
                                }));
    same_key_pairs<std::string>(candidates, [](const Candidate& c) { return one_key(c.email); }, any_size,
                                note(4, [](const Candidate& a, const Candidate&) {
                                    return fmt::format("same email ({})", a.email);
                                }));
    same_key_pairs<std::string>(candidates, [](const Candidate& c) { return one_key(c.phone); }, any_size,
                                note(4, [](const Candidate&, const Candidate&) {
                                    return std::string("same phone number");
                                }));
    same_key_pairs<std::string>(
        candidates, [](const Candidate& c) { return one_key(c.key); }, common_name, [&](std::size_t i, std::size_t j) {
            const auto &a = candidates[i], &b = candidates[j];
            if (different_profiles(a, b)) return;
            if (!a.company.empty() && a.company == b.company)
                note(3, [](const Candidate&, const Candidate&) { return std::string("same name and company"); })(i, j);
            else if (a.name == b.name)
                note(2, [](const Candidate&, const Candidate&) { return std::string("same name"); })(i, j);
            else
                note(2, [](const Candidate& x, const Candidate& y) {
                    return fmt::format("same name written '{}' and '{}'", x.name, y.name);
                })(i, j);
        });
    same_key_pairs<std::size_t>(candidates, deletion_hashes, common_name, [&](std::size_t i, std::size_t j) {
        const auto &a = candidates[i], &b = candidates[j];
        if (different_profiles(a, b)) return;
        // A hash shared by chance, or the same name (said above), is not a near miss.
        std::size_t limit = std::min(a.key.size(), b.key.size()) >= 10 ? 2 : 1;
        std::size_t distance = edit_distance(a.key, b.key, limit);
        if (distance == 0 || distance > limit) return;
        note(1, [](const Candidate& x, const Candidate& y) {
            return fmt::format("similar names '{}' and '{}'", x.name, y.name);
        })(i, j);
    });

    std::vector<DuplicatePair> pairs;
    ContactReader reader(store);
    for (auto& [ids, list] : evidence) {
        std::sort(list.begin(), list.end(), std::greater<>());
        DuplicatePair pair;
        pair.first = reader.find(candidates[ids.first].id).value();
        pair.second = reader.find(candidates[ids.second].id).value();
        pair.strength = list.front().first;
        for (auto& [strength, text] : list) pair.evidence.push_back(std::move(text));
        pairs.push_back(std::move(pair));
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const DuplicatePair& a, const DuplicatePair& b) {
        if (a.strength != b.strength) return a.strength > b.strength;
        if (a.evidence.size() != b.evidence.size()) return a.evidence.size() > b.evidence.size();
        return std::pair(a.first.id, a.second.id) < std::pair(b.first.id, b.second.id);
    });
    return pairs;
}

}  // namespace rolo
