#include "rolo/dupes.hpp"

#include "rolo/card.hpp"
#include "rolo/error.hpp"
#include "rolo/fields.hpp"
#include "rolo/provenance.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"
#include "sql.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// Runs a statement binding `keep` as ?1 and `other` as ?2; returns the rows it changed.
SQLite::Statement bound(Store& store, const char* sql, std::int64_t keep, std::int64_t other) {
    SQLite::Statement statement(store.db(), sql);
    statement.bind(1, keep);
    statement.bind(2, other);
    return statement;
}

int run(Store& store, const char* sql, std::int64_t keep, std::int64_t other) {
    return bound(store, sql, keep, other).exec();
}

int count_rows(Store& store, const char* sql, std::int64_t keep, std::int64_t other) {
    auto statement = bound(store, sql, keep, other);
    statement.executeStep();
    return statement.getColumn(0).getInt();
}

std::string count(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

void check_mergeable(Store& store, const Contact& keep, const Contact& other) {
    if (keep.id == other.id) throw Error(fmt::format("cannot merge {} with itself", describe(keep)));
    for (const Contact* c : {&keep, &other})
        if (c->archived)
            throw Error(fmt::format("{} is archived; bring it back first with 'rolo edit {} --restore'", describe(*c),
                                    c->id));
    // After the merge it would ask one person to introduce you to themselves.
    if (int id = count_rows(store,
                            "SELECT coalesce(min(id), 0) FROM intros WHERE status = 'open' AND "
                            "((broker_id = ?1 AND target_id = ?2) OR (broker_id = ?2 AND target_id = ?1))",
                            keep.id, other.id)) {
        throw Error(fmt::format("intro #{} between {} and {} is open; close it first "
                                "('rolo intro --close {} --status declined')",
                                id, describe(keep), describe(other), id));
    }
}

// How a merge names a field in its account: "call name", "linkedin url".
std::string said_name(std::string_view field) {
    std::string name(field);
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

// Fills keep's empty fields from other; returns what was filled, and other's
// values that differ from keep's (so that the record keeps them). The name
// is keep's; notes, tags and snoozes are joined by the caller; a connection
// is filled in when keep has none.
std::pair<std::vector<std::string>, std::vector<std::string>> fill_fields(Contact& keep, const Contact& other) {
    std::vector<std::string> filled, differing;
    for (const auto& field : contact_field_table()) {
        if (field.name == "name" || field.name == "notes" || field.type == FieldType::tags ||
            field.name == "archived" || field.name == "snoozed_until")
            continue;
        std::string mine = field_text(field, keep), theirs = field_text(field, other), none = field_default(field);
        if (field.type == FieldType::flag) none = "0";  // a flag fills only "no" with "yes"
        if (theirs == none || mine == theirs) continue;
        if (mine == none) {
            ContactChange change;
            field.set(change, theirs, Date{});
            apply(keep, std::move(change));
            filled.push_back(said_name(field.name));
        } else if (field.type == FieldType::text) {
            differing.push_back(fmt::format("{} {}", said_name(field.name), theirs));
        }
    }
    if (!other.notes.empty() && other.notes != keep.notes) differing.push_back("notes " + other.notes);
    return {filled, differing};
}

// Where keep's fields came from: its own record, and for each field whose
// value it took from other, other's record of that field.
void take_sources(Contact& keep, const Contact& other) {
    Provenance mine = parse_provenance(keep.sources), theirs = parse_provenance(other.sources);
    for (const auto& field : contact_field_table()) {
        auto found = theirs.find(field.name);
        if (found == theirs.end()) continue;
        bool took = field_text(field, keep) == field_text(field, other) && !mine.contains(field.name);
        if (took) mine[std::string(field.name)] = found->second;
    }
    keep.sources = provenance_text(mine);
}

// What of other's vCard keep takes: the lines kept from other's imported or
// synced cards that keep's card lacks, and
// other's UID when keep has none, with the files a sync wrote for other, so
// that the next sync rewrites them as keep. Otherwise other's files lose
// their person with other and the next sync removes them. Returns what it did.
std::vector<std::string> merge_cards(Store& store, const Contact& keep, const Contact& other) {
    SQLite::Statement query(store.db(), "SELECT uid, card_extra FROM contacts WHERE id = ?");
    auto card_of = [&](std::int64_t id) {
        query.reset();
        query.bind(1, id);
        query.executeStep();
        return std::pair{sql::text(query.getColumn(0)), sql::text(query.getColumn(1))};
    };
    auto [keep_uid, keep_lines] = card_of(keep.id);
    auto [other_uid, other_lines] = card_of(other.id);
    std::vector<std::string> actions;
    CardKeeper keeper(store);
    auto others = parse_lines(other_lines);
    // Their cards in a vdir, as last synced, may hold lines added on the phone since the import.
    SQLite::Statement synced(store.db(), "SELECT card FROM vdir_files WHERE contact_id = ?");
    synced.bind(1, other.id);
    while (synced.executeStep())
        for (const auto& card : parse_cards(synced.getColumn(0).getString())) {
            auto lines = kept_lines(card);
            others.insert(others.end(), lines.begin(), lines.end());
        }
    auto kept = parse_lines(keep_lines);
    auto merged = merged_lines(contact_fields(keep), kept, others);
    if (merged.size() > kept.size()) {
        keeper.set_lines(keep.id, lines_text(merged));
        actions.push_back("kept " + count(static_cast<int>(merged.size() - kept.size()), "line", "lines") +
                          " of its vCard");
    }
    if (keep_uid.empty() && !other_uid.empty()) {
        keeper.set_uid(other.id, "");  // a UID is one person's
        keeper.set_uid(keep.id, other_uid);
        run(store,
            "UPDATE vdir_files SET contact_id = ?1 WHERE contact_id = ?2 "
            "AND dir NOT IN (SELECT dir FROM vdir_files WHERE contact_id = ?1)",
            keep.id, other.id);
        actions.push_back("took its vCard UID");
    }
    return actions;
}

}  // namespace

MergeResult merge_contacts(Store& store, std::int64_t keep_id, std::int64_t other_id, Date today) {
    Contact keep = get_contact(store, keep_id);
    Contact other = get_contact(store, other_id);
    check_mergeable(store, keep, other);
    MergeResult result;
    auto& actions = result.actions;

    // An imported message both were in is kept once: KEEP's copy.
    if (int n = run(store,
                    "UPDATE interactions SET contact_id = ?1 WHERE contact_id = ?2 AND (import_key IS NULL OR import_key "
                    "NOT IN (SELECT import_key FROM interactions WHERE contact_id = ?1 AND import_key IS NOT NULL))",
                    keep.id, other.id))
        actions.push_back("moved " + count(n, "interaction", "interactions"));
    if (int n = run(store, "DELETE FROM interactions WHERE contact_id = ?2", keep.id, other.id))
        actions.push_back("dropped " + count(n, "imported message", "imported messages") + " both had");

    if (int n = run(store, "DELETE FROM intros WHERE (broker_id = ?1 AND target_id = ?2) OR (broker_id = ?2 AND target_id = ?1)",
                    keep.id, other.id))
        actions.push_back("dropped " + count(n, "closed intro", "closed intros") + " between the two");
    int intros = run(store, "UPDATE intros SET broker_id = ?1 WHERE broker_id = ?2", keep.id, other.id) +
                 run(store, "UPDATE intros SET target_id = ?1 WHERE target_id = ?2", keep.id, other.id);
    if (intros) actions.push_back("moved " + count(intros, "intro", "intros"));

    if (run(store, "DELETE FROM knows WHERE a = min(?1, ?2) AND b = max(?1, ?2)", keep.id, other.id))
        actions.push_back("dropped the link between the two");
    int shared = count_rows(store,
                            "SELECT count(*) FROM knows o JOIN knows k ON (CASE WHEN o.a = ?2 THEN o.b ELSE o.a END) = "
                            "(CASE WHEN k.a = ?1 THEN k.b ELSE k.a END) WHERE (o.a = ?2 OR o.b = ?2) AND (k.a = ?1 OR k.b = ?1)",
                            keep.id, other.id);
    // A link both had keeps the stronger strength and keep's context, if any.
    if (int n = run(store,
                    "INSERT INTO knows (a, b, strength, context, since) "
                    "SELECT min(?1, x), max(?1, x), strength, context, since FROM "
                    "(SELECT CASE WHEN a = ?2 THEN b ELSE a END AS x, strength, context, since FROM knows "
                    " WHERE a = ?2 OR b = ?2) WHERE true "
                    "ON CONFLICT (a, b) DO UPDATE SET strength = max(strength, excluded.strength), "
                    "context = coalesce(context, excluded.context), since = coalesce(since, excluded.since)",
                    keep.id, other.id)) {
        actions.push_back("moved " + count(n - shared, "link", "links"));
        if (shared) actions.push_back("joined " + count(shared, "link", "links") + " both had");
    }

    std::vector<std::string> new_tags;
    for (const auto& tag : other.tags)
        if (std::find(keep.tags.begin(), keep.tags.end(), tag) == keep.tags.end()) new_tags.push_back(tag);
    if (!new_tags.empty()) actions.push_back("added tags " + join(new_tags, ", "));
    keep.tags.insert(keep.tags.end(), new_tags.begin(), new_tags.end());
    std::sort(keep.tags.begin(), keep.tags.end());

    if (other.snoozed_until && (!keep.snoozed_until || *keep.snoozed_until < *other.snoozed_until)) {
        keep.snoozed_until = other.snoozed_until;
        actions.push_back("snoozed until " + format_date(*other.snoozed_until));
    }

    auto [filled, differing] = fill_fields(keep, other);
    if (!filled.empty()) actions.push_back("filled " + join(filled, ", "));
    std::string record = fmt::format("Merged {} on {}.", describe(other), format_date(today));
    if (!differing.empty()) record += " Its other values: " + join(differing, "; ") + ".";
    keep.notes = keep.notes.empty() ? record : keep.notes + "\n" + record;
    actions.push_back("noted the merge in notes");
    auto card_actions = merge_cards(store, keep, other);
    actions.insert(actions.end(), card_actions.begin(), card_actions.end());

    take_sources(keep, other);
    update_contact(store, keep, today);
    purge_contact(store, other.id);
    actions.push_back("removed " + describe(other));
    result.kept = get_contact(store, keep.id);
    return result;
}

}  // namespace rolo
