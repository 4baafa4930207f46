#include "rolo/snapshot.hpp"

#include "rolo/store.hpp"

#include <sqlite3.h>

namespace rolo {

ReadSnapshot::ReadSnapshot(Store& store) {
    if (!sqlite3_get_autocommit(store.db().getHandle())) return;
    store.db().exec("BEGIN DEFERRED");
    store_ = &store;
}

ReadSnapshot::~ReadSnapshot() {
    // Nothing was written, so ending it can only fail if it already ended.
    if (store_) sqlite3_exec(store_->db().getHandle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace rolo
