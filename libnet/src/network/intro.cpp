#include "rolo/intro.hpp"

#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/knows.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace rolo {
namespace {

// The text of each value, in the enum's order.
constexpr std::array<std::string_view, 2> kind_names = {"asked", "made"};
constexpr std::array<std::string_view, 4> status_names = {"open", "done", "declined", "silent"};

template <typename Enum, std::size_t N>
Enum parse_name(std::string_view text, const std::array<std::string_view, N>& names, std::string_view what) {
    auto found = std::find(names.begin(), names.end(), text);
    if (found != names.end()) return static_cast<Enum>(found - names.begin());
    std::string expected(names.front());
    for (std::size_t k = 1; k < N; ++k) expected += fmt::format("{}{}", k + 1 == N ? " or " : ", ", names[k]);
    throw Error(fmt::format("unknown intro {} '{}': expected {}", what, text, expected));
}

}  // namespace

std::string_view to_string(IntroKind kind) { return kind_names.at(static_cast<std::size_t>(kind)); }
std::string_view to_string(IntroStatus status) { return status_names.at(static_cast<std::size_t>(status)); }
IntroKind parse_intro_kind(std::string_view text) { return parse_name<IntroKind>(text, kind_names, "kind"); }
IntroStatus parse_intro_status(std::string_view text) { return parse_name<IntroStatus>(text, status_names, "status"); }

namespace {

constexpr const char* select_intros =
    "SELECT i.id, i.kind, i.broker_id, b.name, i.target_id, t.name, i.asked_on, i.followed_up_on, i.status, "
    "i.reason, i.note FROM intros i JOIN contacts b ON b.id = i.broker_id JOIN contacts t ON t.id = i.target_id ";
constexpr const char* intro_order = " ORDER BY i.status <> 'open', i.asked_on DESC, i.id DESC";

Intro read_intro(SQLite::Statement& query) {
    Intro intro;
    intro.id = query.getColumn(0).getInt64();
    intro.kind = parse_intro_kind(query.getColumn(1).getString());
    intro.broker_id = query.getColumn(2).getInt64();
    intro.broker_name = query.getColumn(3).getString();
    intro.target_id = query.getColumn(4).getInt64();
    intro.target_name = query.getColumn(5).getString();
    intro.asked_on = sql::date(query.getColumn(6)).value_or(Date{});
    intro.followed_up_on = sql::date(query.getColumn(7));
    intro.status = parse_intro_status(query.getColumn(8).getString());
    intro.reason = sql::text(query.getColumn(9));
    intro.note = sql::text(query.getColumn(10));
    return intro;
}

std::vector<Intro> read_intros(SQLite::Statement& query) {
    std::vector<Intro> intros;
    while (query.executeStep()) intros.push_back(read_intro(query));
    return intros;
}

}  // namespace

std::int64_t insert_intro(Store& store, Intro& intro) {
    if (intro.broker_id == intro.target_id) throw Error("an introduction needs two different people");
    SQLite::Statement insert(store.db(),
                             "INSERT INTO intros (kind, broker_id, target_id, asked_on, status, reason, note, "
                             "followed_up_on, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, std::string(to_string(intro.kind)));
    insert.bind(2, intro.broker_id);
    insert.bind(3, intro.target_id);
    insert.bind(4, format_date(intro.asked_on));
    insert.bind(5, std::string(to_string(intro.status)));
    sql::bind_text(insert, 6, intro.reason);
    sql::bind_text(insert, 7, intro.note);
    sql::bind_date(insert, 8, intro.followed_up_on);
    if (intro.id > 0)
        insert.bind(9, intro.id);
    else
        insert.bind(9);
    insert.exec();
    intro.id = store.db().getLastInsertRowid();
    return intro.id;
}

Intro get_intro(Store& store, std::int64_t id) {
    SQLite::Statement query(store.db(), std::string(select_intros) + "WHERE i.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) throw Error(fmt::format("no intro #{}", id));
    return read_intro(query);
}

std::vector<Intro> list_intros(Store& store, std::optional<IntroStatus> status) {
    SQLite::Statement query(store.db(), std::string(select_intros) + "WHERE ?1 IS NULL OR i.status = ?1" + intro_order);
    if (status) query.bind(1, std::string(to_string(*status)));
    return read_intros(query);
}

std::vector<Intro> requests_awaiting_follow_up(Store& store, std::optional<std::int64_t> broker_id) {
    std::string text = std::string(select_intros) +
                       "WHERE i.kind = 'asked' AND i.status = 'open' AND i.followed_up_on IS NULL";
    // One broker's through the index on brokers, not every open request.
    if (broker_id) text += " AND i.broker_id = ?1";
    SQLite::Statement query(store.db(), text + intro_order);
    if (broker_id) query.bind(1, *broker_id);
    return read_intros(query);
}

namespace {

void set_status(Store& store, std::int64_t id, IntroStatus status) {
    SQLite::Statement update(store.db(), "UPDATE intros SET status = ? WHERE id = ?");
    update.bind(1, std::string(to_string(status)));
    update.bind(2, id);
    update.exec();
}

}  // namespace

void close_intro(Store& store, std::int64_t id, IntroStatus status, bool force) {
    if (status == IntroStatus::open)
        throw Error(fmt::format("cannot close an intro as '{}': expected done, declined or silent", to_string(status)));
    Intro intro = get_intro(store, id);
    if (intro.status != IntroStatus::open && !force)
        throw Error(fmt::format("intro #{} is already closed as {}; use --force to close it as {}, or --reopen {}",
                                id, to_string(intro.status), to_string(status), id));
    set_status(store, id, status);
}

void reopen_intro(Store& store, std::int64_t id, Date today) {
    Intro intro = get_intro(store, id);
    if (intro.status == IntroStatus::open) throw Error(fmt::format("intro #{} is open already", id));
    set_status(store, id, IntroStatus::open);
    if (intro.followed_up_on) set_followed_up(store, id, today);
}

void derive_silence(std::vector<Intro>& intros, Date today, int follow_up_days) {
    Date cutoff = today - std::chrono::days{follow_up_days};
    for (auto& intro : intros)
        if (intro.status == IntroStatus::open && intro.kind == IntroKind::asked && intro.followed_up_on &&
            *intro.followed_up_on <= cutoff)
            intro.status = IntroStatus::silent;
}

std::optional<Intro> open_request_to(Store& store, std::int64_t broker_id) {
    SQLite::Statement query(store.db(), std::string(select_intros) +
                                            "WHERE i.kind = 'asked' AND i.status = 'open' AND i.broker_id = ? "
                                            "ORDER BY i.asked_on DESC, i.id DESC LIMIT 1");
    query.bind(1, broker_id);
    if (!query.executeStep()) return std::nullopt;
    return read_intro(query);
}

std::optional<Intro> open_request(Store& store, std::int64_t broker_id, std::int64_t target_id) {
    SQLite::Statement query(store.db(), std::string(select_intros) +
                                            "WHERE i.kind = 'asked' AND i.status = 'open' AND i.broker_id = ? "
                                            "AND i.target_id = ? ORDER BY i.asked_on DESC, i.id DESC LIMIT 1");
    query.bind(1, broker_id);
    query.bind(2, target_id);
    if (!query.executeStep()) return std::nullopt;
    return read_intro(query);
}

Intro ask_for_intro(Store& store, const Contact& broker, const Contact& target, const std::string& why, Date today) {
    if (broker.id == target.id) throw Error("an introduction needs two different people");
    if (auto open = open_request(store, broker.id, target.id))
        throw Error(fmt::format("you already asked {} on {} (intro #{}, open); follow up once with rolo draft "
                                "intro-follow-up {}",
                                describe(broker), format_date(open->asked_on), open->id, broker.id));
    Intro intro;
    intro.kind = IntroKind::asked;
    intro.broker_id = broker.id;
    intro.target_id = target.id;
    intro.asked_on = today;
    intro.reason = trim(why);
    insert_intro(store, intro);
    Interaction request{.contact_id = broker.id, .on = today, .kind = "intro"};
    request.summary = "asked for an introduction to " + target.name + (intro.reason.empty() ? "" : ": " + intro.reason);
    request.by_rolo = true;
    log_interaction(store, request, today);
    return intro;
}

Intro record_intro_made(Store& store, const Contact& a, const Contact& b, const std::string& why, Date today) {
    if (a.id == b.id) throw Error("an introduction needs two different people");
    Intro intro;
    intro.kind = IntroKind::made;
    intro.broker_id = a.id;
    intro.target_id = b.id;
    intro.asked_on = today;
    intro.status = IntroStatus::done;
    intro.reason = trim(why);
    insert_intro(store, intro);
    for (const auto& [person, other] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
        Interaction made{.contact_id = person->id, .on = today, .kind = "intro"};
        made.summary = "introduced to " + other->name + (intro.reason.empty() ? "" : ": " + intro.reason);
        made.by_rolo = true;
        log_interaction(store, made, today);
    }
    auto known = acquaintances(store, a.id);
    // Once introduced, they know each other; an existing link is kept as it is.
    if (std::none_of(known.begin(), known.end(), [&](const Acquaintance& k) { return k.id == b.id; }))
        link(store, {a.id, b.id, 2, "introduced by you", today});
    return intro;
}

void set_followed_up(Store& store, std::int64_t intro_id, Date on) {
    SQLite::Statement update(store.db(), "UPDATE intros SET followed_up_on = ? WHERE id = ?");
    update.bind(1, format_date(on));
    update.bind(2, intro_id);
    update.exec();
}

std::vector<Intro> intros_involving(Store& store, std::int64_t contact_id) {
    SQLite::Statement query(store.db(), std::string(select_intros) + "WHERE i.broker_id = ?1 OR i.target_id = ?1" +
                                            intro_order);
    query.bind(1, contact_id);
    return read_intros(query);
}

namespace {

// Words of an interests text worth matching: four letters or more, folded,
// without the most common filler words.
std::set<std::string> interest_words(const std::string& text) {
    static const std::set<std::string> filler = {"about", "also", "and", "from", "have", "into", "more",
                                                 "over", "that", "their", "them", "they", "this", "what",
                                                 "when", "with", "writes", "wrote", "your"};
    std::set<std::string> words;
    std::string word;
    for (char c : fold(text) + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else {
            if (word.size() >= 4 && !filler.contains(word)) words.insert(word);
            word.clear();
        }
    }
    return words;
}

}  // namespace

std::vector<IntroSuggestion> suggest_intros(Store& store, const std::string& tag, std::size_t limit,
                                            const std::vector<std::string>& apart) {
    ContactFilter filter;
    filter.connected = true;
    if (!tag.empty()) filter.tags = {tag};
    std::vector<Contact> people = list_contacts(store, filter);

    std::unordered_set<std::uint64_t> linked;
    auto pair_key = [](std::int64_t a, std::int64_t b) {
        return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | static_cast<std::uint64_t>(std::max(a, b));
    };
    SQLite::Statement edges(store.db(), "SELECT a, b FROM knows");
    while (edges.executeStep()) linked.insert(pair_key(edges.getColumn(0).getInt64(), edges.getColumn(1).getInt64()));

    // What people share, as feature -> who has it, with the feature's weight and wording.
    struct Feature {
        int weight;
        std::string reason;
        std::vector<std::size_t> members;
    };
    std::map<std::string, Feature> features;
    auto add = [&](const std::string& key, int weight, std::string reason, std::size_t member) {
        auto& feature = features.try_emplace(key, Feature{weight, std::move(reason), {}}).first->second;
        feature.members.push_back(member);
    };
    for (std::size_t i = 0; i < people.size(); ++i) {
        const Contact& c = people[i];
        if (!trim(c.company).empty()) add("company:" + fold(trim(c.company)), 3, "both at " + trim(c.company), i);
        for (const auto& t : c.tags) add("tag:" + t, 2, "both tagged " + t, i);
        for (const auto& word : interest_words(c.interests)) add("word:" + word, 1, "both interested in " + word, i);
    }

    // Score pairs by position in `people`; only the best `limit` become suggestions.
    struct PairScore {
        int score = 0;
        std::vector<const Feature*> shared;
    };
    // Something more than a third of them share (a tag everyone has, your own
    // company) says nothing about a pair; a small network keeps its few.
    std::size_t too_common = std::min<std::size_t>(100, std::max<std::size_t>(5, people.size() / 3));
    auto kept_apart = [&](const Contact& a, const Contact& b) {
        return std::any_of(apart.begin(), apart.end(), [&](const std::string& t) {
            return std::binary_search(a.tags.begin(), a.tags.end(), t) && std::binary_search(b.tags.begin(), b.tags.end(), t);
        });
    };
    std::unordered_map<std::uint64_t, PairScore> pairs;
    for (const auto& [key, feature] : features) {
        if (feature.members.size() < 2 || feature.members.size() > too_common) continue;
        for (std::size_t x = 0; x < feature.members.size(); ++x) {
            for (std::size_t y = x + 1; y < feature.members.size(); ++y) {
                const Contact& a = people[feature.members[x]];
                const Contact& b = people[feature.members[y]];
                if (linked.contains(pair_key(a.id, b.id)) || kept_apart(a, b)) continue;
                auto& pair = pairs[a.id < b.id ? (std::uint64_t{feature.members[x]} << 32) | feature.members[y]
                                               : (std::uint64_t{feature.members[y]} << 32) | feature.members[x]];
                pair.score += feature.weight;
                pair.shared.push_back(&feature);
            }
        }
    }
    std::vector<std::pair<std::uint64_t, const PairScore*>> ranked;
    ranked.reserve(pairs.size());
    for (const auto& [key, pair] : pairs) ranked.emplace_back(key, &pair);
    auto first = [&](std::uint64_t key) -> const Contact& { return people[key >> 32]; };
    auto second = [&](std::uint64_t key) -> const Contact& { return people[key & 0xffffffffu]; };
    auto better = [&](const auto& x, const auto& y) {
        if (x.second->score != y.second->score) return x.second->score > y.second->score;
        if (first(x.first).id != first(y.first).id) return first(x.first).id < first(y.first).id;
        return second(x.first).id < second(y.first).id;
    };
    std::size_t count = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count), ranked.end(), better);
    std::vector<IntroSuggestion> suggestions;
    for (std::size_t i = 0; i < count; ++i) {
        IntroSuggestion suggestion{first(ranked[i].first), second(ranked[i].first), ranked[i].second->score, {}};
        for (const Feature* feature : ranked[i].second->shared) suggestion.reasons.push_back(feature->reason);
        suggestions.push_back(std::move(suggestion));
    }
    return suggestions;
}

}  // namespace rolo
