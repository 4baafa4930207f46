#include "rolo/store.hpp"

#include "rolo/error.hpp"
#include "rolo/files.hpp"
#include "rolo/text.hpp"

#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <SQLiteCpp/Backup.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// Append-only: migration N (1-based) takes a database from user_version N-1 to N.
// Interaction kinds are checked in code, not by a CHECK constraint, so that a
// new kind needs no table rebuild.
constexpr std::array<const char*, 14> migrations = {
    R"sql(
CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (name <> ''),
    email        TEXT,
    phone        TEXT,
    company      TEXT,
    title        TEXT,
    location     TEXT,
    linkedin_url TEXT,
    met_at       TEXT,
    met_on       TEXT,
    interests    TEXT,
    notes        TEXT,
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    connected    INTEGER NOT NULL DEFAULT 1 CHECK (connected IN (0, 1)),
    connected_on TEXT,
    archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX contacts_email ON contacts (email COLLATE NOCASE);

CREATE TABLE tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag);

CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    direction  TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('out', 'in')),
    summary    TEXT NOT NULL DEFAULT '',
    next_on    TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX interactions_contact_date ON interactions (contact_id, on_date);
CREATE INDEX interactions_date ON interactions (on_date);

CREATE TABLE knows (
    a        INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    b        INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    strength INTEGER NOT NULL DEFAULT 3 CHECK (strength BETWEEN 1 AND 5),
    context  TEXT,
    since    TEXT,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX knows_b ON knows (b);

-- kind 'asked': you asked broker_id to introduce you to target_id.
-- kind 'made':  you introduced broker_id (from) to target_id (to).
CREATE TABLE intros (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('asked', 'made')),
    broker_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    target_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    asked_on       TEXT NOT NULL,
    followed_up_on TEXT,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'declined', 'silent')),
    reason         TEXT,
    note           TEXT
);
CREATE INDEX intros_broker ON intros (broker_id);
CREATE INDEX intros_target ON intros (target_id);
)sql",
    // 2: `rolo snooze` hides a person from `due` until a date.
    R"sql(
ALTER TABLE contacts ADD COLUMN snoozed_until TEXT;
)sql",
    // 3: a cadence can be a window, ideal (cadence_days) .. maximum.
    R"sql(
ALTER TABLE contacts ADD COLUMN cadence_max_days INTEGER CHECK (cadence_max_days IS NULL OR cadence_max_days > 0);
)sql",
    // 4: most imported connections have no email; the email index need not
    // list them (lookups by `email = ?` still use it).
    R"sql(
DROP INDEX contacts_email;
CREATE INDEX contacts_email ON contacts (email COLLATE NOCASE) WHERE email IS NOT NULL;
)sql",
    // 5: drafts say only what is meant to be said: what a person is called,
    // a recipient-facing topic per interaction, and which rows rolo logged
    // itself (never a "real conversation"). The rows earlier rolos logged
    // for intros are recognised by their fixed wording.
    R"sql(
ALTER TABLE contacts ADD COLUMN call_name TEXT;
ALTER TABLE interactions ADD COLUMN topic TEXT;
ALTER TABLE interactions ADD COLUMN by_rolo INTEGER NOT NULL DEFAULT 0 CHECK (by_rolo IN (0, 1));
UPDATE interactions SET by_rolo = 1
 WHERE kind = 'intro' AND (summary LIKE 'asked for an introduction to %' OR summary LIKE 'introduced to %');
)sql",
    // 6: tags that differ only in case ("ML", "ml") are one tag; of a
    // person's two spellings, the first in byte order stays.
    R"sql(
CREATE TABLE tags_nocase (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL COLLATE NOCASE CHECK (tag <> ''),
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
INSERT OR IGNORE INTO tags_nocase (contact_id, tag) SELECT contact_id, tag FROM tags ORDER BY contact_id, tag;
DROP TABLE tags;
ALTER TABLE tags_nocase RENAME TO tags;
CREATE INDEX tags_tag ON tags (tag);
)sql",
    // 7: a log can be amended and undone, its next step can carry words (a
    // todo, open until done), and one interaction can be had with several
    // people. log_effects records what a log changed besides its own row, so
    // that undoing it reverts exactly that. Rows logged together share
    // group_id (the id of the first); earlier rolos wrote `log --with` as
    // consecutive rows alike in all but the person, which are grouped here.
    R"sql(
ALTER TABLE interactions ADD COLUMN todo TEXT;
ALTER TABLE interactions ADD COLUMN done_on TEXT;
ALTER TABLE interactions ADD COLUMN group_id INTEGER;
CREATE INDEX interactions_open_todos ON interactions (contact_id) WHERE todo IS NOT NULL AND done_on IS NULL;
CREATE INDEX interactions_group ON interactions (group_id) WHERE group_id IS NOT NULL;
CREATE TABLE log_effects (
    interaction_id   INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    effect           TEXT NOT NULL CHECK (effect IN ('connected', 'followed_up')),
    row_id           INTEGER NOT NULL,
    old_connected    INTEGER,
    old_connected_on TEXT
);
CREATE INDEX log_effects_interaction ON log_effects (interaction_id);
WITH runs AS (
    SELECT id, contact_id,
           id - row_number() OVER (PARTITION BY on_date, kind, direction, summary, created_at,
                                                coalesce(next_on, ''), coalesce(topic, '')
                                   ORDER BY id) AS run,
           on_date, kind, direction, summary, created_at, coalesce(next_on, '') AS next, coalesce(topic, '') AS t
    FROM interactions WHERE by_rolo = 0),
groups AS (
    SELECT min(id) AS first, max(id) AS last FROM runs
    GROUP BY on_date, kind, direction, summary, created_at, next, t, run
    HAVING count(*) > 1 AND count(DISTINCT contact_id) = count(*))
UPDATE interactions SET group_id = groups.first FROM groups WHERE interactions.id BETWEEN groups.first AND groups.last;
)sql",
    // 8: `rolo search`. People's words live in person_search, a full FTS5
    // table (a person's text spans contacts and tags, so it cannot be one
    // table's external content): each change deletes the person's row by
    // rowid and inserts it again from person_text, which is exact whatever
    // the old values were. Interactions are many, so interaction_search is
    // external content over their text columns, kept by triggers that hand
    // FTS5 the exact old values. Both fold case and Latin accents.
    R"sql(
CREATE VIEW person_text (id, name, company, title, met, interests, notes, tags, email) AS
SELECT c.id, c.name || coalesce(' ' || c.call_name, ''), c.company, c.title, c.met_at, c.interests, c.notes,
       (SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.contact_id = c.id), c.email
  FROM contacts c;
CREATE VIRTUAL TABLE person_search USING fts5(name, company, title, met, interests, notes, tags, email,
    tokenize = 'unicode61 remove_diacritics 2');
-- bm25 weights, in column order: a name counts most, then what identifies a
-- person (company, tags, email, title), then what was written about them.
INSERT INTO person_search (person_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 2.0, 2.0, 1.0, 4.0, 4.0)');
INSERT INTO person_search (rowid, name, company, title, met, interests, notes, tags, email)
SELECT * FROM person_text;
CREATE TRIGGER person_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO person_search (rowid, name, company, title, met, interests, notes, tags, email)
    SELECT * FROM person_text WHERE id = new.id;
END;
CREATE TRIGGER person_search_update AFTER UPDATE ON contacts
WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.call_name IS NOT new.call_name
  OR old.company IS NOT new.company OR old.title IS NOT new.title OR old.met_at IS NOT new.met_at
  OR old.interests IS NOT new.interests OR old.notes IS NOT new.notes OR old.email IS NOT new.email BEGIN
    DELETE FROM person_search WHERE rowid = old.id;
    INSERT INTO person_search (rowid, name, company, title, met, interests, notes, tags, email)
    SELECT * FROM person_text WHERE id = new.id;
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM person_search WHERE rowid = old.id;
END;
CREATE TRIGGER person_search_tag_insert AFTER INSERT ON tags BEGIN
    DELETE FROM person_search WHERE rowid = new.contact_id;
    INSERT INTO person_search (rowid, name, company, title, met, interests, notes, tags, email)
    SELECT * FROM person_text WHERE id = new.contact_id;
END;
CREATE TRIGGER person_search_tag_delete AFTER DELETE ON tags BEGIN
    DELETE FROM person_search WHERE rowid = old.contact_id;
    INSERT INTO person_search (rowid, name, company, title, met, interests, notes, tags, email)
    SELECT * FROM person_text WHERE id = old.contact_id;
END;
CREATE TRIGGER person_search_tag_update AFTER UPDATE ON tags BEGIN
    DELETE FROM person_search WHERE rowid IN (old.contact_id, new.contact_id);
    INSERT INTO person_search (rowid, name, company, title, met, interests, notes, tags, email)
    SELECT * FROM person_text WHERE id IN (old.contact_id, new.contact_id);
END;

CREATE VIRTUAL TABLE interaction_search USING fts5(summary, topic, content = 'interactions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO interaction_search (interaction_search) VALUES ('rebuild');
CREATE TRIGGER interaction_search_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interaction_search (rowid, summary, topic) VALUES (new.id, new.summary, new.topic);
END;
CREATE TRIGGER interaction_search_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, summary, topic)
    VALUES ('delete', old.id, old.summary, old.topic);
END;
CREATE TRIGGER interaction_search_update AFTER UPDATE OF id, summary, topic ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, summary, topic)
    VALUES ('delete', old.id, old.summary, old.topic);
    INSERT INTO interaction_search (rowid, summary, topic) VALUES (new.id, new.summary, new.topic);
END;
)sql",
    // 9: a LinkedIn archive's messages become interactions. body keeps a
    // message's text (private: for search, never quoted in a draft);
    // import_key is the same for the same message in every export, so a
    // re-import adds nothing. purged holds hashes of the LinkedIn URLs and
    // emails of people removed with `rm --purge`, which imports leave out;
    // import_marks the newest LinkedIn export read. interaction_search is
    // rebuilt to index body too.
    R"sql(
ALTER TABLE interactions ADD COLUMN body TEXT;
ALTER TABLE interactions ADD COLUMN import_key INTEGER;
CREATE UNIQUE INDEX interactions_import_key ON interactions (contact_id, import_key) WHERE import_key IS NOT NULL;
-- due reads each person's last job change: through this index, not every interaction of theirs.
CREATE INDEX interactions_job_changes ON interactions (contact_id, on_date) WHERE kind = 'job-change';
CREATE TABLE purged (key_hash INTEGER PRIMARY KEY);
CREATE TABLE import_marks (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
DROP TRIGGER interaction_search_insert;
DROP TRIGGER interaction_search_delete;
DROP TRIGGER interaction_search_update;
DROP TABLE interaction_search;
CREATE VIRTUAL TABLE interaction_search USING fts5(summary, topic, body, content = 'interactions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO interaction_search (interaction_search) VALUES ('rebuild');
-- Imported rows (import_key set) are indexed by their import, all in one
-- statement: a row at a time, each statement's savepoint makes FTS5 flush,
-- and an archive of 200,000 messages imports ten times slower.
CREATE TRIGGER interaction_search_insert AFTER INSERT ON interactions WHEN new.import_key IS NULL BEGIN
    INSERT INTO interaction_search (rowid, summary, topic, body) VALUES (new.id, new.summary, new.topic, new.body);
END;
CREATE TRIGGER interaction_search_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, summary, topic, body)
    VALUES ('delete', old.id, old.summary, old.topic, old.body);
END;
CREATE TRIGGER interaction_search_update AFTER UPDATE OF id, summary, topic, body ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, summary, topic, body)
    VALUES ('delete', old.id, old.summary, old.topic, old.body);
    INSERT INTO interaction_search (rowid, summary, topic, body) VALUES (new.id, new.summary, new.topic, new.body);
END;
)sql",
    // 10: vCards. A person's UID, given when a card is first written and then
    // kept; and per file of a vdir (`rolo sync`) what it held when last
    // synced: its stat to notice a change without reading it, its text as
    // the base of a three-way merge, and a hash of the person's fields then.
    // A purged person's file keeps its row (contact_id NULL) until the next
    // sync removes the file.
    R"sql(
ALTER TABLE contacts ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX contacts_uid ON contacts (uid) WHERE uid IS NOT NULL;
CREATE TABLE vdir_files (
    dir         TEXT NOT NULL,
    file        TEXT NOT NULL,
    contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    mtime_ns    INTEGER NOT NULL,
    size        INTEGER NOT NULL,
    card        TEXT NOT NULL,
    fields_hash INTEGER NOT NULL,
    PRIMARY KEY (dir, file)
);
CREATE INDEX vdir_files_contact ON vdir_files (contact_id);
)sql",
    // 11: name_key, rolo_fold(name) kept beside the name and indexed, so that
    // WHO resolution and add's same-name warning find a name without folding
    // every name in the table. rolo writes it with the name (ContactWriter);
    // it is not a trigger, so that other programs (the sqlite3 shell of the
    // benchmarks) can still write contacts without rolo's functions, and a
    // row they add, with no key, is found by folding its name.
    R"sql(
ALTER TABLE contacts ADD COLUMN name_key TEXT;
UPDATE contacts SET name_key = rolo_fold(name);
CREATE INDEX contacts_name_key ON contacts (name_key);
)sql",
    // 12: the lines of an imported vCard that rolo does not model (a second
    // EMAIL, ADR, BDAY, PHOTO, X-...), as content lines, written back on export.
    R"sql(
ALTER TABLE contacts ADD COLUMN card_extra TEXT;
)sql",
    // 13: the interactions' search index keeps up to 16 MB of new entries in
    // memory before it writes them (FTS5's default is 1 MB), so that indexing
    // an import's 200,000 messages in one statement writes a few segments
    // rather than merging many small ones: 12% faster. A command adds far
    // less in a transaction. The insert trigger indexes every row again:
    // imports turn it off while they run (DeferredIndexes), so it no longer
    // has to pass over their rows.
    R"sql(
INSERT INTO interaction_search (interaction_search, rank) VALUES ('hashsize', 16777216);
DROP TRIGGER interaction_search_insert;
CREATE TRIGGER interaction_search_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interaction_search (rowid, summary, topic, body) VALUES (new.id, new.summary, new.topic, new.body);
END;
)sql",
    // 14: field provenance: for each field of a contact, which source set its
    // value and when, and what each source last said it was (provenance.hpp),
    // so that an import changes only what its own source changed. One value
    // per person, written with the person: a row per field made a 50,000-row
    // import write 350,000 rows. People from before know no sources.
    R"sql(
ALTER TABLE contacts ADD COLUMN sources TEXT;
)sql",
};

void text_function(sqlite3_context* context, int, sqlite3_value** argv, std::string (*transform)(std::string_view)) {
    const unsigned char* text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    std::string result = transform(reinterpret_cast<const char*>(text));
    sqlite3_result_text(context, result.data(), static_cast<int>(result.size()), SQLITE_TRANSIENT);
}

void register_functions(SQLite::Database& db) {
    // rolo_fold(text): the case- and accent-insensitive key WHO matching compares.
    db.createFunction("rolo_fold", 1, true, nullptr, [](sqlite3_context* c, int n, sqlite3_value** v) {
        text_function(c, n, v, &fold);
    });
    db.createFunction("rolo_linkedin_key", 1, true, nullptr, [](sqlite3_context* c, int n, sqlite3_value** v) {
        text_function(c, n, v, &linkedin_key);
    });
}

// Called before opening a connection. rolo never reads SQLite's memory
// statistics, and keeping them takes a global lock on every allocation.
void configure_sqlite() {
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    static_cast<void>(configured);
}

// A Store's connection is used by one thread at a time, so SQLite's own
// per-call locking is pure cost (a tenth of a large import).
const int open_flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;

// rolo's mark in the file header (PRAGMA application_id): "rolo" in ASCII.
constexpr int rolo_application_id = 0x726f6c6f;

// What the header and schema of a file say about whose it is and how old.
struct FileState {
    int version = 0;
    int application_id = 0;
    bool has_tables = false;
    bool has_contacts = false;

    bool current() const { return version == Store::schema_version() && application_id == rolo_application_id; }
};

FileState file_state(SQLite::Database& db) {
    // One statement, one snapshot (and it proves the file is a database).
    SQLite::Statement query(db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                "(SELECT application_id FROM pragma_application_id), "
                                "(SELECT count(*) FROM sqlite_schema), "
                                "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'contacts')");
    query.executeStep();
    return {query.getColumn(0).getInt(), query.getColumn(1).getInt(), query.getColumn(2).getInt() > 0,
            query.getColumn(3).getInt() > 0};
}

// Refuses, before anything is written to it, a file rolo must not change:
// another program's database, or a schema version rolo does not know.
// Without rolo's application_id (files from before rolo set it), a file is
// rolo's when it is empty or, once migrated, has rolo's contacts table.
void check_is_rolo(const FileState& state, const std::string& name) {
    bool ours = state.application_id == rolo_application_id ||
                (state.application_id == 0 && (!state.has_tables || (state.version != 0 && state.has_contacts)));
    if (!ours)
        throw Error(fmt::format("{} is not a rolo database (the file was not changed); give --db a rolo file "
                                "or a new path",
                                name));
    if (state.version > Store::schema_version())
        throw Error(fmt::format("{} has schema version {}, newer than this rolo understands ({}); "
                                "upgrade rolo to use it (the file was not changed)",
                                name, state.version, Store::schema_version()));
    if (state.version < 0)
        throw Error(fmt::format("{} has schema version {}, which no rolo writes (the file was not changed)", name,
                                state.version));
}

// Brings the schema up to date. Several rolo commands may meet a new or old
// file at once, so the version is read again under an exclusive lock and
// only the one that takes it first migrates.
void migrate(SQLite::Database& db, const std::string& name, FileState state) {
    check_is_rolo(state, name);
    db.exec("PRAGMA foreign_keys = ON");
    if (!state.current()) {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::EXCLUSIVE);
        state = file_state(db);
        check_is_rolo(state, name);
        for (int next = state.version; next < Store::schema_version(); ++next) {
            db.exec(migrations[static_cast<std::size_t>(next)]);
            db.exec(fmt::format("PRAGMA user_version = {}", next + 1));
        }
        if (state.application_id != rolo_application_id)
            db.exec(fmt::format("PRAGMA application_id = {}", rolo_application_id));
        transaction.commit();
    }
}

void create_private_file(const std::filesystem::path& path) {
    // An empty file is a valid empty SQLite database; creating it ourselves is
    // the only way to choose its mode, which SQLite then copies to -wal/-shm.
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw Error(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    if (fd >= 0) ::close(fd);
}

std::unique_ptr<SQLite::Database> connect(const std::filesystem::path& path) {
    configure_sqlite();
    try {
        // The busy timeout holds from the first statement on: another command
        // may be creating or writing the file.
        auto db = std::make_unique<SQLite::Database>(path.string(), open_flags, 5000);
        FileState state = file_state(*db);
        check_is_rolo(state, path.string());
        // Set before a new file's first table, and then fixed: with 16 KiB
        // pages a large import makes a quarter of the write calls it makes
        // with SQLite's 4 KiB, and `due` and `intro` are no slower (tests/bench).
        if (state.version == 0) db->exec("PRAGMA page_size = 16384");
        // WAL from the second open on. The command that creates the file is
        // its only user and every page it writes is new, so a rollback
        // journal holds next to nothing, where WAL would write each page
        // twice: a first import of 50,000 connections takes a seventh less.
        // The switch needs the file to itself and fails at once, without the
        // busy timeout, while another command has it open; a later open
        // switches it then.
        if (state.version > 0) {
            try {
                db->exec("PRAGMA journal_mode = WAL");
            } catch (const SQLite::Exception& e) {
                if (e.getErrorCode() != SQLITE_BUSY) throw;
            }
        }
        // No memory map: mapping the file made `due` at 100,000 people a third
        // faster than the sqlite3 shell, but every page it touched counted
        // as the process's memory (160 MB); unmapped it keeps to 50 MB and
        // the shell's speed (tests/bench/scale_bench.sh).
        register_functions(*db);
        migrate(*db, path.string(), state);
        return db;
    } catch (const SQLite::Exception& e) {
        throw Error(fmt::format("cannot open database {}: {}", path.string(), e.what()));
    }
}

// The whole database as the bytes of one file, copied under one read lock:
// a consistent snapshot, and WAL lets writers go on meanwhile. Copying in
// memory means SQLite opens no file by name in the destination's directory.
void write_snapshot(SQLite::Database& db, StagedFile& file) {
    SQLite::Database copy(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    copy.exec(fmt::format("PRAGMA page_size = {}", db.execAndGet("PRAGMA page_size").getInt()));
    if (SQLite::Backup(copy, db).executeStep(-1) != SQLITE_DONE) throw Error("the database is busy; try again");
    sqlite3_int64 size = 0;
    std::unique_ptr<unsigned char, decltype(&sqlite3_free)> bytes(
        sqlite3_serialize(copy.getHandle(), "main", &size, 0), &sqlite3_free);
    if (!bytes) throw Error("out of memory copying the database");
    file.write({reinterpret_cast<const char*>(bytes.get()), static_cast<std::size_t>(size)});
}

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}

Store::BulkTransaction Store::bulk_transaction(References references) {
    db_->exec("PRAGMA cache_size = -32768");
    return BulkTransaction(*db_, references);
}

// PRAGMA foreign_keys does nothing inside a transaction: it is set around it.
Store::BulkTransaction::BulkTransaction(SQLite::Database& db, References references)
    : db_(db), unchecked_(references == References::trusted) {
    if (unchecked_) db_.exec("PRAGMA foreign_keys = OFF");
    try {
        transaction_.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
    } catch (...) {
        check_references_again();
        throw;
    }
}

Store::BulkTransaction::~BulkTransaction() {
    transaction_.reset();
    check_references_again();
}

void Store::BulkTransaction::commit() {
    transaction_->commit();
    check_references_again();
}

void Store::BulkTransaction::check_references_again() noexcept {
    if (!unchecked_) return;
    try {
        db_.exec("PRAGMA foreign_keys = ON");
        unchecked_ = false;
    } catch (const SQLite::Exception&) {
        // Only a connection about to close fails here; the next opens with them on.
    }
}

int Store::schema_version() { return static_cast<int>(migrations.size()); }

Store Store::open(const std::filesystem::path& path) {
    if (path.has_parent_path()) create_private_directories(path.parent_path());
    create_private_file(path);
    return Store(connect(path));
}

std::optional<Store> Store::open_existing(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    return Store(connect(path));
}

Store Store::open_memory() {
    configure_sqlite();
    auto db = std::make_unique<SQLite::Database>(":memory:", open_flags | SQLite::OPEN_CREATE);
    register_functions(*db);
    migrate(*db, ":memory:", file_state(*db));
    return Store(std::move(db));
}

void Store::backup(const std::filesystem::path& destination, bool replace) {
    auto target = writable_target(destination, db_->getFilename());
    std::error_code ec;
    if (std::filesystem::exists(target, ec) && !replace)
        throw Error(fmt::format("{} exists; give --force to replace it", destination.string()));
    auto directory = target.has_parent_path() ? target.parent_path() : ".";
    if (!std::filesystem::is_directory(directory, ec))
        throw Error(fmt::format("cannot back up to {}: no directory {}", destination.string(), directory.string()));
    StagedFile file(target);
    try {
        write_snapshot(*db_, file);
    } catch (const SQLite::Exception& e) {
        throw Error(fmt::format("cannot back up to {}: {}", destination.string(), e.what()));
    }
    if (!file.place(replace))
        throw Error(fmt::format("{} exists; give --force to replace it", destination.string()));
}

void remove_if_empty(Store& store) noexcept {
    try {
        // Under the lock no other command can write to the file as it goes
        // (one waiting for it then fails on the removed file, loudly).
        SQLite::Transaction lock(store.db(), SQLite::TransactionBehavior::EXCLUSIVE);
        if (store.db().execAndGet("PRAGMA journal_mode").getString() == "wal") return;
        if (store.db().execAndGet("SELECT EXISTS (SELECT 1 FROM contacts)").getInt()) return;
        std::filesystem::remove(store.db().getFilename());
    } catch (...) {
        // An empty database left behind is harmless.
    }
}

}  // namespace rolo
