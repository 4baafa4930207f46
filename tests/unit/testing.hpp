#pragma once
// What the unit tests share: their frozen today, dates written as text, and
// the SQL that takes a database back to before a migration.
#include "rolo/date.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <utility>

// A date the test writes as YYYY-MM-DD.
inline rolo::Date day(const char* text) { return rolo::parse_iso_date(text).value(); }

// The tests' today, a Tuesday.
inline const rolo::Date today = day("2026-11-24");

// SQL that takes a test's database back to before a migration, so that the
// migration's own test can run it on an older file: see rewind_schema.


// Migration 14: field provenance.
inline constexpr const char* undo_sources = "ALTER TABLE contacts DROP COLUMN sources;";

// Migration 13: the interactions' index hash size, and its insert trigger as migration 9 wrote it.
inline constexpr const char* undo_search_hashsize =
    "DELETE FROM interaction_search_config WHERE k = 'hashsize'; DROP TRIGGER interaction_search_insert;"
    "CREATE TRIGGER interaction_search_insert AFTER INSERT ON interactions WHEN new.import_key IS NULL BEGIN "
    "INSERT INTO interaction_search (rowid, summary, topic, body) VALUES (new.id, new.summary, new.topic, new.body); "
    "END;";

// Migration 12: the lines of imported vCards rolo does not model.
inline constexpr const char* undo_card_extra = "ALTER TABLE contacts DROP COLUMN card_extra;";

// Migration 11: the folded-name key.
inline constexpr const char* undo_name_key = "DROP INDEX contacts_name_key; ALTER TABLE contacts DROP COLUMN name_key;";

// Migration 10: vCard UIDs and vdir sync state.
inline constexpr const char* undo_vcard_sync =
    "DROP INDEX contacts_uid; ALTER TABLE contacts DROP COLUMN uid; DROP TABLE vdir_files;";

// Migration 9: imported messages, purged keys, import marks (the
// interaction_search it rebuilds goes with undo_search_index).
inline constexpr const char* undo_linkedin_archive =
    "DROP INDEX interactions_import_key; DROP INDEX interactions_job_changes; ALTER TABLE interactions DROP COLUMN body;"
    "ALTER TABLE interactions DROP COLUMN import_key; DROP TABLE purged; DROP TABLE import_marks;";

// Migration 8: the search index.
inline constexpr const char* undo_search_index =
    "DROP TRIGGER person_search_insert; DROP TRIGGER person_search_update; DROP TRIGGER person_search_delete;"
    "DROP TRIGGER person_search_tag_insert; DROP TRIGGER person_search_tag_delete;"
    "DROP TRIGGER person_search_tag_update; DROP TRIGGER interaction_search_insert;"
    "DROP TRIGGER interaction_search_delete; DROP TRIGGER interaction_search_update;"
    "DROP TABLE person_search; DROP TABLE interaction_search; DROP VIEW person_text;";

// Migration 7: amend and undo, todos, groups.
inline constexpr const char* undo_log_history =
    "DROP TABLE log_effects; DROP INDEX interactions_open_todos; DROP INDEX interactions_group;"
    "ALTER TABLE interactions DROP COLUMN todo; ALTER TABLE interactions DROP COLUMN done_on;"
    "ALTER TABLE interactions DROP COLUMN group_id;";

// Takes the database back to schema `version` (6 or later, not 8): each
// migration above it undone, later ones first, except that the search index
// (8) goes before 9, whose column it indexes.
inline void rewind_schema(SQLite::Database& db, int version) {
    static constexpr std::pair<int, const char*> undo[] = {
        {14, undo_sources}, {13, undo_search_hashsize}, {12, undo_card_extra},   {11, undo_name_key},  {10, undo_vcard_sync},
        {8, undo_search_index},   {9, undo_linkedin_archive},  {7, undo_log_history},
    };
    for (const auto& [migration, sql] : undo)
        if (migration > version) db.exec(sql);
    db.exec(fmt::format("PRAGMA user_version = {}", version));
}
