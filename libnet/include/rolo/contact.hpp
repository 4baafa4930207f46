#pragma once
// A person in your network, and the SQL for the contacts and tags tables.
#include "rolo/date.hpp"

#include <cstdint>
#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace SQLite {
class Statement;
}

namespace rolo {

class Store;

struct Contact {
    std::int64_t id = 0;
    std::string name;
    // What they are called in a greeting ("Kasia" for "Katarzyna Nowak");
    // empty: derived from the name (see draft.hpp's greeting_name).
    std::string call_name;
    // Empty text means "not known"; it is stored as NULL.
    std::string email;
    std::string phone;
    std::string company;
    std::string title;
    std::string location;
    std::string linkedin_url;
    std::string met_at;  // where and how you met
    std::optional<Date> met_on;
    std::string interests;  // the homework: what they care about, what they wrote
    std::string notes;
    std::optional<Every> every;  // keep in touch this often; none = no cadence of their own
    bool connected = true;            // in your own network, not just known of
    std::optional<Date> connected_on;
    bool archived = false;
    std::optional<Date> snoozed_until;  // hidden from `due` before this day
    std::string created_at;
    std::string updated_at;
    std::vector<std::string> tags;  // sorted
    std::string sources;            // where each field came from, as stored (provenance.hpp)
    std::optional<Date> last_on;    // derived: the date of the last interaction; never written
};

// A change to some fields of a contact: a field left empty is not touched; an
// empty string or an empty inner optional clears it.
struct ContactChange {
    std::optional<std::string> name, call_name, email, phone, company, title, location, linkedin_url, met_at,
        interests, notes;
    std::optional<std::optional<Date>> met_on, connected_on, snoozed_until;
    std::optional<std::optional<Every>> every;
    std::optional<bool> connected, archived;
    std::vector<std::string> add_tags, remove_tags;
    bool replace_tags = false;  // add_tags are all the tags: the others go
};

// A tag as stored: trimmed. An empty tag, or one holding ';', is an Error.
std::string checked_tag(std::string_view tag);

// Applies a change to a contact in memory; tags stay sorted and unique (a
// tag already there in another case keeps its spelling), and added ones pass
// checked_tag.
void apply(Contact& contact, ContactChange change);

// Writes contacts through statements prepared once, for imports of many rows.
class ContactWriter {
public:
    explicit ContactWriter(Store& store);
    ~ContactWriter();
    ContactWriter(const ContactWriter&) = delete;
    ContactWriter& operator=(const ContactWriter&) = delete;

    // Writes the tags too. Assigns an id, created_at and updated_at unless the
    // contact has them already (a restore). Returns the id.
    std::int64_t insert(Contact& contact, Date today);
    // Writes every field and the tag set of an existing contact.
    void update(Contact& contact, Date today);
    // Writes only where the fields came from (provenance.hpp): no field changed.
    void set_sources(std::int64_t id, const std::string& sources);

private:
    struct Statements;
    std::unique_ptr<Statements> statements_;
};

// Reads contacts by id through one prepared statement, for callers that
// read many.
class ContactReader {
public:
    explicit ContactReader(Store& store);
    ~ContactReader();
    ContactReader(const ContactReader&) = delete;
    ContactReader& operator=(const ContactReader&) = delete;

    std::optional<Contact> find(std::int64_t id);

private:
    std::unique_ptr<SQLite::Statement> query_;
};

// Every contact, archived ones too, by id.
std::vector<Contact> all_contacts(Store& store);

// Inserts the contact (id, created_at and updated_at are assigned) and its tags; returns the id.
std::int64_t insert_contact(Store& store, Contact& contact, Date today);

// Writes every field and the tag set of an existing contact.
void update_contact(Store& store, Contact& contact, Date today);

std::optional<Contact> find_contact(Store& store, std::int64_t id);

// Throws Error "no contact #id" when absent.
Contact get_contact(Store& store, std::int64_t id);

// An existing contact with the same email (case-insensitive) or LinkedIn URL
// (normalised), other than `except_id`: the duplicate `add` refuses.
std::optional<Contact> find_duplicate(Store& store, const Contact& contact, std::int64_t except_id = 0);

// Ids of other contacts whose name folds to the same key.
std::vector<std::int64_t> same_name_ids(Store& store, const Contact& contact);

struct ContactFilter {
    std::string text = {};               // folded substring of name, company, email, title, tags
    std::vector<std::string> tags = {};  // all of them
    std::string company = {};            // folded substring
    std::optional<bool> connected = {};
    bool archived = false;  // archived contacts instead of active ones
    // Losing touch: connected people with no interaction on or after this day.
    std::optional<Date> stale_before = {};
};

enum class ContactOrder { name, id, last };  // last: oldest last interaction first, never first

// Contacts matching the filter, in the given order (ties by name, then id).
std::vector<Contact> list_contacts(Store& store, const ContactFilter& filter,
                                   ContactOrder order = ContactOrder::name);
// The same, one at a time: a listing of any length holds one in memory.
void for_each_contact(Store& store, const ContactFilter& filter, ContactOrder order,
                      const std::function<void(const Contact&)>& visit);

void set_archived(Store& store, std::int64_t id, bool archived, Date today);

// Deletes the contact and, through the foreign keys, its tags, interactions,
// edges and intros; remembers a hash of their LinkedIn URL and email (a
// purge mark) so that an import does not bring them back.
void purge_contact(Store& store, std::int64_t id);

// The mark of a LinkedIn key (linkedin_key) or a folded email: a hash, never the text.
std::int64_t purge_mark(std::string_view kind, std::string_view key);

// Every purge mark stored.
std::unordered_set<std::int64_t> purge_marks(Store& store);

// "#12 Janet Mellor (Acme)": how a contact is named in messages and candidate lists.
std::string describe(const Contact& contact);

}  // namespace rolo
