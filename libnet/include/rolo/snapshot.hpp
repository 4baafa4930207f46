#pragma once
// A read that takes more than one query reads one snapshot: while a
// ReadSnapshot lives, every query on its store sees the database as it stood
// at the first one, whatever other commands (cron) write meanwhile. Take one
// in every function that reads with more than one query.
namespace rolo {

class Store;

class ReadSnapshot {
public:
    // Begins a read transaction; inside a transaction already (a write, or an
    // outer snapshot), that one is the snapshot and this does nothing.
    explicit ReadSnapshot(Store& store);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Store* store_ = nullptr;  // null when an outer transaction is the snapshot
};

}  // namespace rolo
