#include "rolo/vdir.hpp"

#include "rolo/card.hpp"
#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/files.hpp"
#include "rolo/provenance.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sys/stat.h>

namespace rolo {
namespace {

namespace fs = std::filesystem;

// A random (version 4) UUID, from SQLite's generator.
constexpr const char* random_uuid =
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || "
    "substr('89AB', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

struct FileStat {
    std::int64_t mtime_ns = 0;
    std::int64_t size = 0;
    bool operator==(const FileStat&) const = default;
};

// What a file held when last synced; its card text is read only when the
// file or the person changed, so that a sync with nothing changed reads none.
struct FileState {
    std::optional<std::int64_t> contact_id;
    FileStat stat;
    std::int64_t fields_hash = 0;
};

std::optional<FileStat> stat_file(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return FileStat{static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                    static_cast<std::int64_t>(info.st_size)};
}

// FNV-1a over the fields: stable across runs and builds, as it is stored.
std::int64_t fields_hash(const CardFields& fields) {
    std::uint64_t hash = 14695981039346656037ull;
    auto add = [&](std::string_view text) {
        for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        hash = (hash ^ 0x1f) * 1099511628211ull;
    };
    for (const auto& [property, value] : fields) {
        add(property);
        add(value);
    }
    return static_cast<std::int64_t>(hash);
}

// A UID may name its file only when it cannot be read as a path: no
// separator, no "..", no leading dot, nothing a file system may refuse.
bool safe_file_name(std::string_view uid) {
    if (uid.empty() || uid.size() > 200 || uid.front() == '.' || uid.find("..") != std::string_view::npos) return false;
    for (char c : uid)
        if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("@._+-").find(c) == std::string_view::npos)
            return false;
    return true;
}

// Throws Error with the reason, which the caller prefixes with the file name.
std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(fmt::format("cannot read: {}", std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw Error("cannot read");
    return text.str();
}

class Sync {
public:
    Sync(Store& store, fs::path dir, std::string_view version, Date today)
        : store_(store), dir_(std::move(dir)), key_(fs::weakly_canonical(fs::absolute(dir_)).string()),
          version_(version), today_(today), stamp_(timestamp(today)), writer_(store),
          save_(store.db(), "INSERT OR REPLACE INTO vdir_files (dir, file, contact_id, mtime_ns, size, card, fields_hash) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)"),
          forget_(store.db(), "DELETE FROM vdir_files WHERE dir = ? AND file = ?"),
          base_(store.db(), "SELECT card FROM vdir_files WHERE dir = ? AND file = ?"),
          set_uid_(store.db(), fmt::format("UPDATE contacts SET uid = coalesce(?, {}) WHERE id = ? RETURNING uid",
                                           random_uuid)) {}

    SyncReport run() {
        scan_directory();
        uids_ = assign_uids(store_);
        for (auto& [id, uid] : uids_) ids_by_uid_[uid] = id;
        for (auto& contact : all_contacts(store_)) contacts_.emplace(contact.id, std::move(contact));
        extras_ = card_extras(store_);
        load_states();
        for (const auto& [file, state] : states_) sync_tracked(file, state);
        for (const auto& [file, stat] : entries_)
            if (!states_.contains(file)) sync_new_file(file, stat);
        for (auto& [id, contact] : contacts_)
            if (!contact.archived && !placed_.contains(id)) write_new_card(contact);
        return std::move(report_);
    }

private:
    // The .vcf files of the directory; leftovers of a sync cut short go.
    void scan_directory() {
        std::error_code ec;
        if (!fs::exists(dir_, ec)) create_private_directories(dir_);
        if (!fs::is_directory(dir_, ec)) throw Error(fmt::format("{} is not a directory", dir_.string()));
        fs::directory_iterator it(dir_, ec);
        if (ec) throw Error(fmt::format("cannot read {}: {}", dir_.string(), ec.message()));
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (name.ends_with(".rolo-tmp") && name.find(".vcf.") != std::string::npos) {
                fs::remove(it->path(), ec);
                continue;
            }
            if (name.front() == '.' || !name.ends_with(".vcf")) continue;
            if (auto stat = stat_file(it->path())) entries_.emplace(name, *stat);
        }
        if (ec) throw Error(fmt::format("cannot read {}: {}", dir_.string(), ec.message()));
    }

    void load_states() {
        SQLite::Statement query(store_.db(), "SELECT file, contact_id, mtime_ns, size, fields_hash "
                                             "FROM vdir_files WHERE dir = ?");
        query.bind(1, key_);
        while (query.executeStep()) {
            FileState state;
            if (!query.getColumn(1).isNull()) state.contact_id = query.getColumn(1).getInt64();
            state.stat = {query.getColumn(2).getInt64(), query.getColumn(3).getInt64()};
            state.fields_hash = query.getColumn(4).getInt64();
            states_.emplace(query.getColumn(0).getString(), std::move(state));
        }
    }

    std::string base_card(const std::string& file) {
        base_.reset();
        base_.bind(1, key_);
        base_.bind(2, file);
        return base_.executeStep() ? base_.getColumn(0).getString() : std::string();
    }

    void sync_tracked(const std::string& file, const FileState& state) {
        auto entry = entries_.find(file);
        auto contact = state.contact_id ? contacts_.find(*state.contact_id) : contacts_.end();
        if (contact == contacts_.end() || contact->second.archived) {
            // Purged or archived in rolo: the card goes.
            if (entry != entries_.end()) remove_file(file);
            forget(file);
            return;
        }
        Contact& person = contact->second;
        if (entry == entries_.end()) {
            // Deleted in the vdir: archived, never purged.
            const Contact before = person;
            person.archived = true;
            record_changes(before, person, Source::sync, stamp_);
            writer_.update(person, today_);
            ++report_.archived;
            forget(file);
            return;
        }
        placed_.insert(person.id);
        bool file_unchanged = entry->second == state.stat;
        if (file_unchanged && fields_hash(contact_fields(person)) == state.fields_hash) return;
        try {
            std::string base_text = base_card(file);
            std::string text = file_unchanged ? base_text : read_text(dir_ / file);
            Card base = only_card(base_text);
            Card theirs = file_unchanged ? base : only_card(text);
            reconcile(person, file, card_fields(base), theirs, text, entry->second, lines_gained(person.id, base, theirs));
        } catch (const Error& e) {
            report_.problems.push_back(fmt::format("{}: {}", file, e.what()));
        }
    }

    // A file the last sync did not see: a card from elsewhere, or one a
    // sync cut short wrote. It is matched to a person as an import matches.
    void sync_new_file(const std::string& file, const FileStat& stat) {
        try {
            std::string text = read_text(dir_ / file);
            Card card = only_card(text);
            CardFields theirs = card_fields(card);
            Contact incoming;
            apply_fields(incoming, theirs);
            auto id = match(card_uid(card), incoming);
            if (id && placed_.contains(*id))
                throw Error(fmt::format("the same person as another card ({}); left alone", describe(contacts_.at(*id))));
            if (id) {
                Contact& person = contacts_.at(*id);
                placed_.insert(person.id);
                if (person.archived) {
                    const Contact before = person;
                    person.archived = false;
                    record_changes(before, person, Source::sync, stamp_);
                    writer_.update(person, today_);
                }
                reconcile(person, file, {}, card, text, stat);
                return;
            }
            if (incoming.name.empty()) throw Error("the card has no name (FN or N); left alone");
            record_changes(Contact{}, incoming, Source::sync, stamp_);
            writer_.insert(incoming, today_);
            std::string uid = card_uid(card);
            set_uid(incoming.id, uid.empty() || ids_by_uid_.contains(uid) ? std::nullopt : std::optional(uid));
            ++report_.added;
            auto& person = contacts_.emplace(incoming.id, incoming).first->second;
            placed_.insert(person.id);
            reconcile(person, file, {}, card, text, stat);
        } catch (const Error& e) {
            report_.problems.push_back(fmt::format("{}: {}", file, e.what()));
        }
    }

    // The kept lines the person gained in rolo since the last sync (another's,
    // by a merge): those neither that card nor the file has. A line the file
    // lost since is not one: it was deleted there.
    std::vector<CardLine> lines_gained(std::int64_t id, const Card& base, const Card& theirs) {
        auto extra = extras_.find(id);
        if (extra == extras_.end()) return {};
        std::set<std::string> said;
        for (const Card* card : {&base, &theirs})
            for (const auto& line : card->lines) said.insert(line_says(line));
        std::vector<CardLine> gained;
        for (auto& line : parse_lines(extra->second))
            if (!said.contains(line_says(line))) gained.push_back(std::move(line));
        return gained;
    }

    std::optional<std::int64_t> match(const std::string& uid, const Contact& incoming) {
        if (auto found = ids_by_uid_.find(uid); !uid.empty() && found != ids_by_uid_.end()) return found->second;
        if (incoming.name.empty()) return std::nullopt;
        if (auto duplicate = find_duplicate(store_, incoming)) return duplicate->id;
        if (auto same = same_name_ids(store_, incoming); same.size() == 1) return same.front();
        return std::nullopt;
    }

    // Brings the person and the card to the same fields: what changed on
    // one side since `base` wins; where both changed, the newer REV. The
    // card gains the `gained` lines.
    void reconcile(Contact& person, const std::string& file, const CardFields& base, const Card& theirs_card,
                   const std::string& text, FileStat stat, const std::vector<CardLine>& gained = {}) {
        CardFields ours = contact_fields(person);
        CardFields theirs = card_fields(theirs_card);
        if (ours != theirs) {
            CardFields merged = merge(person, base, ours, theirs, rev_digits(card_rev(theirs_card)));
            if (merged != ours) {
                Contact changed = person;
                apply_fields(changed, merged);
                record_changes(person, changed, Source::sync, stamp_);
                writer_.update(changed, today_);
                person = std::move(changed);
                ++report_.updated;
                ours = contact_fields(person);
            }
        }
        std::string saved = text;
        if (ours != theirs || !gained.empty()) {
            const std::string& uid = uids_[person.id];
            Card card = card_from(ours, theirs_card, uid, rev_text(rev_digits(person.updated_at)));
            auto rev = !card.lines.empty() && card.lines.back().name == "REV" ? card.lines.end() - 1 : card.lines.end();
            card.lines.insert(rev, gained.begin(), gained.end());
            // The card keeps the version it was read in, and a file of several cards keeps the others.
            saved = write_card(card, card_version(theirs_card, version_)) + other_cards(text);
            stat = write_file(file, saved);
        }
        save(file, person.id, stat, saved, fields_hash(ours));
    }

    CardFields merge(const Contact& person, const CardFields& base, const CardFields& ours, const CardFields& theirs,
                     const std::string& theirs_rev) {
        auto value = [](const CardFields& fields, const std::string& key) {
            auto found = fields.find(key);
            return found == fields.end() ? std::string() : found->second;
        };
        std::set<std::string> keys;
        for (const auto* fields : {&ours, &theirs})
            for (const auto& field : *fields) keys.insert(field.first);
        bool card_newer = theirs_rev > rev_digits(person.updated_at);
        CardFields merged;
        for (const auto& key : keys) {
            std::string b = value(base, key), o = value(ours, key), t = value(theirs, key);
            std::string result = o;
            if (o == b)
                result = t;
            else if (t != b && t != o) {
                result = card_newer ? t : o;
                report_.conflicts.push_back(fmt::format("{}: {} changed on both sides; kept {}'s '{}' (newer) over '{}'",
                                                        describe(person), key, card_newer ? "the card" : "rolo",
                                                        card_newer ? t : o, card_newer ? o : t));
            }
            if (!result.empty()) merged[key] = result;
        }
        return merged;
    }

    void write_new_card(const Contact& person) {
        const std::string& uid = uids_[person.id];
        std::string file = safe_file_name(uid) ? uid + ".vcf" : "";
        if (file.empty() || entries_.contains(file) || states_.contains(file))
            file = store_.db().execAndGet(fmt::format("SELECT {}", random_uuid)).getString() + ".vcf";
        CardFields fields = contact_fields(person);
        // A first card (the first sync after an import) brings back what the imported one held.
        auto kept = extras_.contains(person.id) ? parse_lines(extras_[person.id]) : std::vector<CardLine>{};
        std::string text =
            write_card(person_card(fields, kept, uid, rev_text(rev_digits(person.updated_at))), version_);
        save(file, person.id, write_file(file, text), text, fields_hash(fields));
    }

    FileStat write_file(const std::string& file, const std::string& text) {
        StagedFile staged(dir_ / file);
        staged.write(text);
        staged.place();
        ++report_.written;
        auto stat = stat_file(dir_ / file);
        if (!stat) throw Error(fmt::format("{}: written but gone", (dir_ / file).string()));
        return *stat;
    }

    void remove_file(const std::string& file) {
        std::error_code ec;
        fs::remove(dir_ / file, ec);
        if (ec) throw Error(fmt::format("cannot remove {}: {}", (dir_ / file).string(), ec.message()));
        ++report_.removed;
    }

    void save(const std::string& file, std::int64_t id, FileStat stat, const std::string& card, std::int64_t hash) {
        save_.bind(1, key_);
        save_.bind(2, file);
        save_.bind(3, id);
        save_.bind(4, stat.mtime_ns);
        save_.bind(5, stat.size);
        save_.bind(6, card);
        save_.bind(7, hash);
        save_.exec();
        save_.reset();
    }

    void forget(const std::string& file) {
        forget_.bind(1, key_);
        forget_.bind(2, file);
        forget_.exec();
        forget_.reset();
    }

    void set_uid(std::int64_t id, const std::optional<std::string>& uid) {
        if (uid)
            set_uid_.bind(1, *uid);
        else
            set_uid_.bind(1);
        set_uid_.bind(2, id);
        set_uid_.executeStep();
        uids_[id] = set_uid_.getColumn(0).getString();
        ids_by_uid_[uids_[id]] = id;
        set_uid_.reset();
    }

    static Card only_card(const std::string& text) {
        auto cards = parse_cards(text);
        if (cards.empty()) throw Error("not a vCard; left alone");
        return cards.front();
    }

    // A card is written again in the version it was read in: 3.0 or 4.0 (its
    // lines are read as 3.0's, so a 2.1 card becomes 3.0), else `fallback`.
    static std::string card_version(const Card& card, const std::string& fallback) {
        return card.version == "3.0" || card.version == "4.0" ? card.version : fallback;
    }

    // The cards of a file after its first, which sync leaves as they are.
    std::string other_cards(const std::string& text) const {
        auto cards = parse_cards(text);
        std::string out;
        for (std::size_t i = 1; i < cards.size(); ++i) out += write_card(cards[i], card_version(cards[i], "3.0"));
        return out;
    }

    static std::string card_rev(const Card& card) {
        for (const auto& line : card.lines)
            if (line.name == "REV") return unescape_value(line.value);
        return "";
    }

    Store& store_;
    fs::path dir_;
    std::string key_;
    std::string version_;
    Date today_;
    std::string stamp_;  // when the fields a sync sets were set
    ContactWriter writer_;
    SQLite::Statement save_, forget_, base_, set_uid_;
    std::map<std::string, FileStat> entries_;
    std::map<std::string, FileState> states_;
    std::map<std::int64_t, Contact> contacts_;
    std::unordered_map<std::int64_t, std::string> extras_;  // kept card lines, by person
    std::unordered_map<std::int64_t, std::string> uids_;
    std::unordered_map<std::string, std::int64_t> ids_by_uid_;
    std::set<std::int64_t> placed_;
    SyncReport report_;
};

}  // namespace

std::unordered_map<std::int64_t, std::string> assign_uids(Store& store) {
    store.db().exec(fmt::format("UPDATE contacts SET uid = {} WHERE uid IS NULL", random_uuid));
    return card_uids(store);
}

std::unordered_map<std::string, std::int64_t> ids_by_uid(Store& store) {
    std::unordered_map<std::string, std::int64_t> ids;
    SQLite::Statement query(store.db(), "SELECT uid, id FROM contacts WHERE uid IS NOT NULL");
    while (query.executeStep()) ids.emplace(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    return ids;
}

SyncReport sync_vdir(Store& store, const fs::path& dir, std::string_view version, Date today) {
    auto transaction = store.transaction();
    SyncReport report = Sync(store, dir, version, today).run();
    transaction.commit();
    return report;
}

}  // namespace rolo
