#pragma once
// The one SQLite file that holds all of rolo's state, marked as rolo's by
// PRAGMA application_id. Opening it applies the numbered schema migrations
// (PRAGMA user_version) and refuses, untouched, a file written by a newer
// rolo, with a version no rolo writes, or another program's database.
#include <filesystem>
#include <memory>
#include <optional>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

namespace rolo {

class Store {
public:
    // Opens the database, creating it (mode 0600, parent directories too) if needed.
    static Store open(const std::filesystem::path& path);

    // Opens the database only if the file exists: read-only commands never create it.
    static std::optional<Store> open_existing(const std::filesystem::path& path);

    // An in-memory database with the full schema, for tests.
    static Store open_memory();

    // The schema version this rolo writes.
    static int schema_version();

    SQLite::Database& db() { return *db_; }

    // Copies the database, as it stands at one moment even while another
    // command writes, to `destination` (mode 0600). The copy is written beside
    // it and renamed into place, so a failed backup leaves no half a file.
    // An existing destination is an Error unless `replace`; so is the
    // database itself and anything but a new path or a regular file.
    void backup(const std::filesystem::path& destination, bool replace);

    // Writes take the lock up front (BEGIN IMMEDIATE) so that a cron job and an
    // interactive command wait for each other instead of failing mid-way.
    SQLite::Transaction transaction() {
        return SQLite::Transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    }

    // A transaction that writes many rows (an import, a restore). Its
    // changed pages are kept in a 32 MB cache: in SQLite's default 2 MB they
    // spill to the file again and again (a 200,000-message archive into an
    // existing database: 7.3 s, 3.7 s of it writing the WAL, against 3.4 s).
    // With References::trusted, for a writer whose every id was read in the
    // same transaction, rows are not checked against their foreign keys
    // (a third of what writing a message costs).
    enum class References { checked, trusted };
    class BulkTransaction;
    BulkTransaction bulk_transaction(References references = References::checked);

private:
    explicit Store(std::unique_ptr<SQLite::Database> db);
    std::unique_ptr<SQLite::Database> db_;
};

// Rolled back unless committed; foreign keys are checked again after either.
class Store::BulkTransaction {
public:
    BulkTransaction(SQLite::Database& db, References references);
    ~BulkTransaction();
    BulkTransaction(const BulkTransaction&) = delete;
    BulkTransaction& operator=(const BulkTransaction&) = delete;
    void commit();

private:
    void check_references_again() noexcept;

    SQLite::Database& db_;
    bool unchecked_;
    std::optional<SQLite::Transaction> transaction_;
};

// Removes the file of `store`, a database the failing command created, if it
// holds no one yet: a failed first import leaves no file behind. A database
// that another command has used (a write, or WAL) stays. Never throws: at
// worst an empty database stays.
void remove_if_empty(Store& store) noexcept;

}  // namespace rolo
