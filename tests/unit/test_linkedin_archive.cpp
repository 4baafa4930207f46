// LinkedIn's data export: the readers of its files and the import's rules,
// on archives built in memory. tests/cli/test_import_archive.sh drives the
// zip and folder end to end.
#include "rolo/error.hpp"
#include "rolo/import.hpp"
#include "rolo/interaction.hpp"
#include "rolo/linkedin_archive.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <doctest/doctest.h>

using namespace rolo;

namespace {
const Date today = parse_iso_date("2026-11-24").value();

const std::string connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                "Jane,\"Doe, PhD\",https://www.linkedin.com/in/jane,,Gamma,Researcher,15 Jan 2024\n"
                                "Bob,Li,https://www.linkedin.com/in/bob-li,,Delta,CFO,03 Mar 2023\n";

LinkedInArchive archive_with(std::string messages) {
    LinkedInArchive archive;
    archive.profile = ArchiveFile{"Profile.csv", "First Name,Last Name,Headline\nAda,Quint,Founder\n"};
    archive.connections = ArchiveFile{"Connections.csv", connections};
    archive.messages = ArchiveFile{"messages.csv", std::move(messages)};
    return archive;
}

std::vector<Interaction> messages_of(Store& store, std::int64_t id) {
    return list_interactions(store, {.contact_id = id, .kind = "message"});
}
}  // namespace

TEST_CASE("stable_hash: FNV-1a, the same on every machine (stored keys depend on it)") {
    CHECK(stable_hash("") == static_cast<std::int64_t>(0xcbf29ce484222325ULL));
    CHECK(stable_hash("a") == static_cast<std::int64_t>(0xaf63dc4c8601ec8cULL));
}

TEST_CASE("linkedin archive: the old era's messages name people, and names may hold \", \"") {
    Store store = Store::open_memory();
    auto archive = archive_with("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
                                "c1,,Ada Quint,,\"Jane Doe, PhD, Bob Li\",2022-05-03 10:00:00 UTC,,Hello both,INBOX\n"
                                "c1,,Bob Li,,Ada Quint,2022-05-04 10:00:00 UTC,,Hi,INBOX\n");
    auto summary = import_linkedin_archive(store, archive, {.source = "x.zip"}, today);
    CHECK(summary.messages == 2);
    CHECK(summary.interactions_added == 3);
    auto jane = messages_of(store, 1), bob = messages_of(store, 2);
    REQUIRE(jane.size() == 1);
    CHECK(jane[0].direction == Direction::out);
    CHECK(jane[0].summary == "LinkedIn message (group)");
    REQUIRE(bob.size() == 2);
    CHECK(bob[0].direction == Direction::in);
    CHECK(bob[1].direction == Direction::out);
}

TEST_CASE("linkedin archive: a message is stored once, however often it is imported") {
    Store store = Store::open_memory();
    auto archive = archive_with("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
                                "DATE,SUBJECT,CONTENT,FOLDER\n"
                                "c1,,Bob Li,https://www.linkedin.com/in/bob-li,Ada Quint,,2026-01-01 10:00:00 UTC,,"
                                "\"two\nlines\",INBOX\n");
    CHECK(import_linkedin_archive(store, archive, {}, today).interactions_added == 1);
    CHECK(import_linkedin_archive(store, archive, {}, today).interactions_added == 0);
    auto bob = messages_of(store, 2);
    REQUIRE(bob.size() == 1);
    CHECK(bob[0].on == parse_iso_date("2026-01-01").value());
}

TEST_CASE("linkedin archive: a bad row names the file inside the archive, and nothing is written") {
    Store store = Store::open_memory();
    auto archive = archive_with("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n"
                                "c1,Bob Li,https://www.linkedin.com/in/bob-li,Ada Quint,2026-01-01 10:00:00 UTC,ok\n"
                                "c1,Bob Li,https://www.linkedin.com/in/bob-li,Ada Quint,yesterday,bad\n");
    CHECK_THROWS_WITH_AS(import_linkedin_archive(store, archive, {}, today), "messages.csv:3: bad DATE 'yesterday'",
                         Error);
    CHECK(all_contacts(store).empty());
    auto skipped = import_linkedin_archive(store, archive, {.skip_bad = true}, today);
    CHECK(skipped.skipped == 1);
    CHECK(skipped.interactions_added == 1);
}

TEST_CASE("linkedin archive: a changed position is a job change, told to them as the new role") {
    Store store = Store::open_memory();
    LinkedInArchive first;
    first.connections = ArchiveFile{"Connections.csv", connections};
    import_linkedin_archive(store, first, {}, today);
    LinkedInArchive later = first;
    later.exported_on = parse_iso_date("2026-11-30");
    later.connections->text = connections.substr(0, connections.find("Bob")) +
                              "Bob,Li,https://www.linkedin.com/in/bob-li,,Epsilon,CEO,03 Mar 2023\n";
    auto summary = import_linkedin_archive(store, later, {}, today);
    CHECK(summary.job_changes == 1);
    auto jobs = list_interactions(store, {.contact_id = 2, .kind = "job-change"});
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].summary == "job change: CFO at Delta → CEO at Epsilon");
    CHECK(jobs[0].topic == "your new role as CEO at Epsilon");
    CHECK(jobs[0].on == parse_iso_date("2026-11-30").value());
    CHECK(jobs[0].by_rolo);
    // The older export again: nothing goes back.
    auto older = import_linkedin_archive(store, first, {}, today);
    CHECK(older.job_changes == 0);
    CHECK(older.updated == 0);
}

TEST_CASE("linkedin archive: bytes that are no zip, and a zip with nothing known") {
    CHECK_THROWS_WITH_AS(read_linkedin_zip("hello", "x.zip"), "x.zip: not a zip file", Error);
    CHECK(looks_like_zip("PK\x03\x04rest"));
    CHECK_FALSE(looks_like_zip("First Name"));
}
