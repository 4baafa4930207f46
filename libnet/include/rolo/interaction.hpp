#pragma once
// One touch with a person (a call, a coffee, a message...) and the SQL for the
// interactions table.
#include "rolo/date.hpp"
#include "rolo/text.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace SQLite {
class Statement;
}

namespace rolo {

class Store;

enum class Direction { out, in };

struct Interaction {
    std::int64_t id = 0;
    std::int64_t contact_id = 0;
    Date on{};
    std::string kind = "note";
    Direction direction = Direction::out;
    std::string summary = {};
    std::optional<Date> next_on = {};  // a follow-up you owe
    // Said to them in drafts ("your COO search"); the summary never is.
    std::string topic = {};
    bool by_rolo = false;  // logged by rolo itself (intro bookkeeping, a sent draft): never a conversation
    // An imported message's text (interactions.body): private, for search, never quoted in a draft.
    std::string body = {};
    // Imports only: the same for the same message in every export, so none is stored twice.
    std::optional<std::int64_t> import_key = {};
    std::string created_at = {};
    std::string contact_name = {};  // filled by queries that list interactions
    // What you owe, in your own words, due next_on and open until done_on:
    // private, so drafts never say it to them.
    std::string todo = {};
    std::optional<Date> done_on = {};  // the next step (todo or not) was done
    // Rows of one interaction had with several people (`log --with`) share
    // the id of the first; empty for an interaction with one person.
    std::optional<std::int64_t> group_id = {};
};

// meeting coffee call email message event note invite accepted intro job-change
const std::vector<std::string_view>& interaction_kinds();

// Throws Error listing the valid kinds.
void check_interaction_kind(std::string_view kind);

// Words people log that name a kind more exactly ("lunch" is a meeting): the
// user's own from config [kinds] (word -> kind), then rolo's (lunch, dinner,
// drinks, breakfast -> meeting; video, zoom, phone -> call; text, sms,
// whatsapp -> message). Keyed by the word in any case.
using KindWords = std::map<std::string, std::string, TagLess>;

// What `log --kind WORD` records: a kind, and the word itself when it is not
// the kind's name, for the summary to keep. An Error lists the kinds when the
// word is neither a kind nor a known word, and names the config key when
// [kinds] maps a word to something that is not a kind.
struct LoggedKind {
    std::string kind;
    std::string word;  // empty when WORD is the kind
};
LoggedKind logged_kind(std::string_view word, const KindWords& user_words = {});

// A kind that says what happened by itself (invite, accepted, job-change)
// needs no summary; any other does.
bool kind_needs_summary(std::string_view kind);

// The summary an interaction of this kind is logged with: the one given, with
// the exact word in front ("lunch: the move to Lisbon") unless it already
// says it; none given, a kind that needs none is said in words, and any other
// is left empty (nothing to log).
std::string logged_summary(const LoggedKind& kind, std::string_view summary);

std::string_view to_string(Direction direction);

// Records the interaction and what its kind means for the contact:
// `accepted` marks them connected as of that day, an outgoing `intro` marks
// their open requests followed up. What it changed is recorded so that
// unlog_interaction can revert exactly that. Returns the new id.
std::int64_t log_interaction(Store& store, Interaction& interaction, Date today);

// Writes the row as it is (created_at included) and applies no rule: for a
// restore, which must bring back what was, not log it again. Returns the id.
std::int64_t insert_interaction(Store& store, Interaction& interaction);
// Records one interaction had with several people: a row each (the first
// person's is the interaction as given), sharing one group_id. Returns the rows.
std::vector<Interaction> log_group(Store& store, const Interaction& interaction,
                                   const std::vector<std::int64_t>& contact_ids, Date today);

// Makes a logged interaction the first of a group (its id the group's);
// the others are logged with that group_id. Returns the group's id.
std::int64_t start_group(Store& store, Interaction& first);

// The id of the interaction logged last by hand (`log`, `draft --log`, an
// intro's bookkeeping), imports aside: what `unlog --last` removes. An Error
// when there is none.
std::int64_t last_logged_interaction(Store& store);

// The interaction with this id, and the others of its group: Error when there is none.
std::vector<Interaction> interaction_group(Store& store, std::int64_t id);

// What amend_interaction changes; the rest is kept.
struct InteractionChange {
    std::optional<std::string> kind = {};
    std::optional<std::string> summary = {};
    std::optional<std::string> topic = {};
    std::optional<std::string> todo = {};
    std::optional<Date> on = {};
    std::optional<Date> next_on = {};
    std::optional<Direction> direction = {};
};

// Changes the interaction with this id (and the rest of its group): what the
// log changed is reverted and what the amended one means applied again.
// Returns the amended rows.
std::vector<Interaction> amend_interaction(Store& store, std::int64_t id, const InteractionChange& change, Date today);

// Removes the interaction with this id (and the rest of its group) and
// reverts what logging it changed, where nothing has changed it since.
// Returns what was reverted, one line each ("Ana Lima no longer connected").
std::vector<std::string> unlog_interaction(Store& store, std::int64_t id, Date today);

// A next step you owe someone: a todo, or the next_on of their last interaction.
struct NextStep {
    std::int64_t interaction_id = 0;
    Date due_on{};
    std::string todo = {};     // empty for a next step without words
    std::string summary = {};  // of the interaction that set it
};

// Everyone's open todos (next steps with words), by contact id.
std::multimap<std::int64_t, NextStep> open_todos(Store& store);

// "#12 send the SOW by 2026-12-08"; without words, what it follows up on.
std::string describe(const NextStep& step);

// What the person owes, open (not done, and for a next step without words
// not followed by a later interaction), soonest first.
std::vector<NextStep> open_next_steps(Store& store, std::int64_t contact_id);

// Marks a next step done on `today`, without logging an interaction: the one
// with this interaction id, else the person's only one. Error when there is
// none, or several and no id. Returns the step done.
NextStep finish_next_step(Store& store, std::int64_t contact_id, std::optional<std::int64_t> interaction_id,
                          Date today);

// Interactions added in bulk are indexed once, at the end. While one of
// these lives the search index's insert trigger is off: with it, every
// INSERT also journals each page it touches for its own rollback (a
// 200,000-message archive wrote 14 GB of statement journal). finish() indexes
// every interaction added since in one statement and puts the trigger back.
// Lives inside a transaction, which undoes all of it if the import fails.
class DeferredIndexes {
public:
    explicit DeferredIndexes(Store& store);
    ~DeferredIndexes();  // without finish(): all put back, the rows unindexed (the transaction is undone)
    DeferredIndexes(const DeferredIndexes&) = delete;
    DeferredIndexes& operator=(const DeferredIndexes&) = delete;

    // Drops the table's own indexes too, until finish() builds them again:
    // for a load that outnumbers the rows there, one sort per index is
    // several times faster than inserting each key in turn. Meanwhile no
    // query may count on them, and import_key's uniqueness is the caller's.
    void defer_table_indexes();
    void finish();

private:
    Store& store_;
    std::string trigger_sql_;
    std::vector<std::string> index_sql_;
    std::int64_t last_id_before_ = 0;
    bool finished_ = false;
};

// Writes imported interactions through prepared statements. One whose
// import_key the person has already is not written again: re-importing an
// archive adds nothing.
class InteractionImporter {
public:
    explicit InteractionImporter(Store& store);
    ~InteractionImporter();
    InteractionImporter(const InteractionImporter&) = delete;
    InteractionImporter& operator=(const InteractionImporter&) = delete;

    // The import may add up to about `rows` more: when that outnumbers the
    // rows there, the table's indexes are built once at finish() (see
    // DeferredIndexes), import keys are checked in memory meanwhile, and
    // rows are written a batch to a statement.
    void expect(std::int64_t rows);
    // True when written, or, in batches, to be written by the next batch.
    bool insert(Interaction interaction, Date today);
    // Writes the last batch, then builds what was deferred: the table's
    // indexes, then the search index.
    void finish();

private:
    struct KeyHash {
        std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& key) const noexcept;
    };
    static constexpr std::size_t batch_rows = 16;
    void write_pending();

    Store& store_;
    DeferredIndexes indexes_;
    std::unique_ptr<SQLite::Statement> insert_, insert_batch_;
    std::string created_at_;  // the same for every row of one import
    // (person, import_key) of every row, while the unique index is deferred.
    std::unordered_set<std::pair<std::int64_t, std::int64_t>, KeyHash> keys_;
    std::vector<Interaction> pending_;
};

struct HistoryFilter {
    std::optional<std::int64_t> contact_id = {};
    std::optional<Date> since = {};
    std::optional<std::string> kind = {};
    std::optional<int> limit = {};
    // Only those whose summary or topic matches, as `rolo search` reads a query.
    std::optional<std::string> grep = {};
};

// Newest first (by date, then by id).
std::vector<Interaction> list_interactions(Store& store, const HistoryFilter& filter);

// An outgoing `intro` interaction with a broker after you asked them is the
// one follow-up: it marks their open, not yet followed-up requests. Returns
// the ids of the intros it marked.
std::vector<std::int64_t> mark_followed_up(Store& store, std::int64_t broker_id, Date on);

// Undoes mark_followed_up for one intro, if it still says it was followed up
// on that day. Returns whether it did.
bool unmark_followed_up(Store& store, std::int64_t intro_id, Date on);

}  // namespace rolo
