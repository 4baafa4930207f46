#include "rolo/card.hpp"
#include "rolo/contact.hpp"
#include "rolo/dupes.hpp"
#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"
#include "rolo/vdir.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;
namespace fs = std::filesystem;

namespace {

const Date today = parse_iso_date("2026-11-24").value();

struct TempDir {
    fs::path path;
    TempDir() {
        char name[] = "/tmp/rolo-vdir-XXXXXX";
        path = mkdtemp(name);
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void spit(const fs::path& path, std::string_view text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::vector<fs::path> vcf_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

Contact person(Store& store, const std::string& name, const std::string& email = "") {
    Contact c;
    c.name = name;
    c.email = email;
    insert_contact(store, c, today);
    return c;
}

// Replaces one line of a card file (matched by its start) with another.
void edit_line(const fs::path& file, std::string_view starts, std::string_view replacement) {
    std::string out;
    for (auto& line : split(slurp(file), '\n')) {
        if (line.empty()) continue;
        out += line.starts_with(starts) ? std::string(replacement) + "\r" : line;
        out += '\n';
    }
    spit(file, out);
}

}  // namespace

TEST_CASE("vcard 2.1: quoted-printable with soft breaks, ISO-8859-1, bare types, a base64 photo") {
    auto cards = parse_cards(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xFCller;J\xFCrgen\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:first line=0D=0Ase=\r\ncond=3D\r\n"
        "TEL;CELL;PREF:+49 170 1\r\nPHOTO;ENCODING=BASE64;JPEG:\r\n  /9j/4AAQ\r\n  SkZJRg==\r\n\r\nEND:VCARD\r\n");
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].version == "2.1");
    CardFields fields = card_fields(cards[0]);
    CHECK(fields["FN"] == "Jürgen Müller");
    CHECK(fields["NOTE"] == "first line\nsecond=");
    CHECK(fields["TEL"] == "+49 170 1");
    std::string text = write_card(cards[0], "3.0");
    CHECK(text.find("TEL;TYPE=CELL;TYPE=PREF:+49 170 1\r\n") != std::string::npos);
    CHECK(text.find("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==\r\n") != std::string::npos);
    CHECK(text.find("NOTE:first line\\nsecond=\r\n") != std::string::npos);
    CHECK(parse_cards(text)[0].lines == cards[0].lines);
}

TEST_CASE("a card keeps what rolo does not model, and the parameters of what did not change") {
    auto base = parse_cards(
        "BEGIN:VCARD\nVERSION:3.0\nUID:abc\nFN:Ada Lovelace\nN:Lovelace;Ada;;;\nitem1.EMAIL;TYPE=work:ada@example.com\n"
        "EMAIL;TYPE=home:ada@home.example\nTITLE:Analyst\nBDAY:1815-12-10\nX-ANDROID-CUSTOM:vnd;x\n"
        "ADR;TYPE=home:;;12 St James's Square;London;;SW1;UK\nREV:20260101T000000Z\nEND:VCARD\n")[0];
    CardFields fields = card_fields(base);
    CHECK(fields["EMAIL"] == "ada@example.com");
    CHECK(fields["ADR"] == "London, UK");
    fields["TITLE"] = "Countess";
    Card card = card_from(fields, base, "abc", "20261124T100000Z");
    std::string text = write_card(card, "3.0");
    for (std::string_view kept : {"item1.EMAIL;TYPE=work:ada@example.com", "EMAIL;TYPE=home:ada@home.example",
                                  "BDAY:1815-12-10", "X-ANDROID-CUSTOM:vnd;x", "ADR;TYPE=home:;;12 St James's Square",
                                  "N:Lovelace;Ada;;;", "TITLE:Countess", "REV:20261124T100000Z", "UID:abc"})
        CHECK_MESSAGE(text.find(kept) != std::string::npos, kept);
    CHECK(text.find("Analyst") == std::string::npos);
    CHECK(text.find("20260101") == std::string::npos);

    // A new name brings a new N; rolo's own fields go in X-ROLO-*.
    fields["FN"] = "Pieter van der Berg";
    fields["X-ROLO-MET"] = "PyData; Berlin";
    text = write_card(card_from(fields, base, "abc", ""), "4.0");
    CHECK(text.find("VERSION:4.0") != std::string::npos);
    CHECK(text.find("N:van der Berg;Pieter;;;") != std::string::npos);
    CHECK(text.find("X-ROLO-MET:PyData\\; Berlin") != std::string::npos);
    CHECK(card_fields(parse_cards(text)[0]) == fields);
}

TEST_CASE("a person survives a card: every field rolo keeps") {
    Contact c;
    c.name = "Zoë Ångström";
    c.call_name = "Zo";
    c.email = "zoe@example.com";
    c.phone = "+46 8 000";
    c.company = "Fjord; AB";
    c.location = "Malmö, Sweden";
    c.linkedin_url = "https://www.linkedin.com/in/zoe";
    c.met_at = "PyData";
    c.met_on = parse_iso_date("2026-09-01");
    c.interests = "fjords, data";
    c.notes = "two\nlines";
    c.every = parse_every("4w..6w");
    c.connected = false;
    c.connected_on = parse_iso_date("2026-09-02");
    c.tags = {"a,b", "data"};
    CardFields fields = contact_fields(c);
    CHECK(card_fields(parse_cards(write_card(card_from(fields, {}, "u", ""), "3.0"))[0]) == fields);
    Contact back;
    apply_fields(back, fields);
    CHECK(contact_fields(back) == fields);
}

TEST_CASE("N: the given name rolo knows splits it; else the family name is the last word or starts at a particle") {
    CHECK(structured_name("Fatima Zahra El Amrani", "Fatima Zahra") == "El Amrani;Fatima Zahra;;;");
    CHECK(structured_name("Fatima Zahra El Amrani") == "Amrani;Fatima Zahra El;;;");
    CHECK(structured_name("Pieter van der Berg", "Pieter") == "van der Berg;Pieter;;;");
    CHECK(structured_name("Katarzyna Nowak", "Kasia") == "Nowak;Katarzyna;;;");  // a nickname: not a prefix
    CHECK(structured_name("Fatima Zahra", "Fatima Zahra") == "Zahra;Fatima;;;");  // no family left
    CHECK(structured_name("Anna Maria", "Ann") == "Maria;Anna;;;");               // words, not letters
    CHECK(structured_name("Madonna", "Madonna") == "Madonna;;;;");
    Contact c;
    c.name = "Fatima Zahra El Amrani";
    c.call_name = "Fatima Zahra";
    CHECK(write_card(card_from(contact_fields(c), {}, "u", ""), "3.0").find("N:El Amrani;Fatima Zahra;;;") !=
          std::string::npos);
}

TEST_CASE("a card's call name: its NICKNAME, else a given name that says more than the first word") {
    auto call_name = [](const char* card) { return card_call_name(read_vcards(card).front()); };
    CHECK(call_name("BEGIN:VCARD\nFN:Fatima Zahra El Amrani\nN:El Amrani;Fatima Zahra;;;\nEND:VCARD\n") ==
          "Fatima Zahra");
    CHECK(call_name("BEGIN:VCARD\nN:El Amrani;Fatima Zahra;;;\nEND:VCARD\n") == "Fatima Zahra");
    CHECK(call_name("BEGIN:VCARD\nFN:Robert Smith\nN:Smith;Robert;;;\nEND:VCARD\n") == "");
    CHECK(call_name("BEGIN:VCARD\nFN:Bob Smith\nN:Smith;Robert James;;;\nEND:VCARD\n") == "");
    // What rolo writes for a name it split itself is no call name.
    CHECK(call_name("BEGIN:VCARD\nFN:Mary Ann Smith\nN:Smith;Mary Ann;;;\nEND:VCARD\n") == "");
    // A NICKNAME is what people call them: it wins over the given name.
    CHECK(call_name("BEGIN:VCARD\nFN:Katarzyna Anna Nowak\nN:Nowak;Katarzyna Anna;;;\nNICKNAME:Kasia,Kate\n"
                    "END:VCARD\n") == "Kasia");
}

TEST_CASE("an ADR's location is its locality, region and country") {
    CHECK(address_location(";;1 Rue X;Rabat;;10000;Morocco") == "Rabat, Morocco");
    CHECK(address_location(";;;Rabat\\, Morocco;;;") == "Rabat, Morocco");
    CHECK(address_location("PO Box 7;;12 Main St;;;;") == "PO Box 7, 12 Main St");
    CHECK(address_location(";;;;;;") == "");
    auto card = parse_cards("BEGIN:VCARD\nFN:F\nADR;TYPE=home:;;1 Rue X;Rabat;;10000;Morocco\nEND:VCARD\n")[0];
    CHECK(card_fields(card).at("ADR") == "Rabat, Morocco");
}

TEST_CASE("an imported card's other lines are kept once, and written back in place of rolo's where they agree") {
    auto card = parse_cards(
        "BEGIN:VCARD\nVERSION:3.0\nUID:fz\nFN:Fatima Zahra El Amrani\nN:El Amrani;Fatima Zahra;;;\n"
        "EMAIL;TYPE=work:fz@example.com\nitem2.EMAIL;TYPE=home:fatima@example.org\nTEL:+212 5 00\nTEL:+212 6 00\n"
        "ORG:Atlas;R&D\nURL:https://fz.example\nURL:https://www.linkedin.com/in/fz\nNOTE:n\nCATEGORIES:a\n"
        "ADR;TYPE=home:;;1 Rue X;Rabat;;10000;Morocco\nBDAY:1990-04-02\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\n"
        "X-ROLO-MET:PyData\nX-SOCIAL:@fz\nREV:20260101T000000Z\nEND:VCARD\n")[0];
    std::vector<CardLine> kept = kept_lines(card);
    std::vector<std::string> names;
    for (const auto& line : kept) names.push_back((line.group.empty() ? "" : line.group + ".") + line.name);
    CHECK(names == std::vector<std::string>{"item2.EMAIL", "TEL", "URL", "ADR", "BDAY", "PHOTO", "X-SOCIAL"});
    CHECK(parse_lines(lines_text(kept)) == kept);
    CHECK(parse_lines("").empty());

    // rolo's own lines first, the kept ones after; the kept ADR, with its street, stands for rolo's.
    Contact c;
    apply_fields(c, card_fields(card));
    c.call_name = "Fatima Zahra";
    Card out = person_card(contact_fields(c), kept, "fz", "20261124T100000Z");
    std::string text = write_card(out, "3.0");
    CHECK(text.find("ADR;TYPE=home:;;1 Rue X;Rabat;;10000;Morocco") != std::string::npos);
    CHECK(text.find("ADR:") == std::string::npos);
    CHECK(text.find("N:El Amrani;Fatima Zahra;;;") != std::string::npos);
    CHECK(out.lines.back().name == "REV");
    // Read again, the same lines are kept: a re-import adds none twice.
    CHECK(kept_lines(parse_cards(text)[0]) == kept);

    // A location changed since: rolo's ADR first, the old one kept after it.
    c.location = "Casablanca";
    text = write_card(person_card(contact_fields(c), kept, "fz", ""), "3.0");
    CHECK(text.find("ADR:;;;Casablanca;;;") < text.find("ADR;TYPE=home:;;1 Rue X"));
    CHECK(card_fields(parse_cards(text)[0]).at("ADR") == "Casablanca");

    // What rolo itself writes for a NICKNAME or ADR is not kept again.
    auto own = parse_cards("BEGIN:VCARD\nFN:A B\nNICKNAME:Al\nADR:;;;Rabat\\, Morocco;;;\nEND:VCARD\n")[0];
    CHECK(kept_lines(own).empty());
}

TEST_CASE("sync: first sync writes a card per person, a second one nothing") {
    TempDir dir;
    Store store = Store::open_memory();
    person(store, "Ada Lovelace", "ada@example.com");
    Contact grace = person(store, "Grace Hopper");
    set_archived(store, person(store, "Gone Person").id, true, today);
    SyncReport first = sync_vdir(store, dir.path, "3.0", today);
    CHECK(first.written == 2);
    auto files = vcf_files(dir.path);
    REQUIRE(files.size() == 2);
    auto uids = assign_uids(store);
    CHECK(fs::exists(dir.path / (uids[grace.id] + ".vcf")));
    auto before = fs::last_write_time(files[0]);
    SyncReport second = sync_vdir(store, dir.path, "3.0", today);
    CHECK(second.written + second.removed + second.added + second.updated + second.archived == 0);
    CHECK(fs::last_write_time(files[0]) == before);
    CHECK(assign_uids(store) == uids);  // stable
}

TEST_CASE("sync: changes flow both ways, merge by property, conflicts go to the newer REV") {
    TempDir dir;
    Store store = Store::open_memory();
    Contact ada = person(store, "Ada Lovelace", "ada@example.com");
    sync_vdir(store, dir.path, "3.0", today);
    fs::path file = dir.path / (assign_uids(store)[ada.id] + ".vcf");

    // Edited on the phone: a title, a second email and a photo.
    edit_line(file, "EMAIL", "EMAIL:ada@example.com\r\nEMAIL;TYPE=home:ada@home.example\r\nTITLE:Countess\r\n"
                             "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ");
    SyncReport report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.updated == 1);
    CHECK(get_contact(store, ada.id).title == "Countess");

    // Edited in rolo: the card is rewritten, the phone's lines kept.
    Contact changed = get_contact(store, ada.id);
    changed.company = "Analytical Engines";
    update_contact(store, changed, today);
    report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.written == 1);
    std::string text = slurp(file);
    CHECK(text.find("ORG:Analytical Engines") != std::string::npos);
    CHECK(text.find("EMAIL;TYPE=home:ada@home.example") != std::string::npos);
    CHECK(text.find("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ") != std::string::npos);

    // Both sides: different properties merge; the same one is a conflict the
    // newer REV wins.
    changed = get_contact(store, ada.id);
    changed.phone = "+44 1";
    changed.title = "Mathematician";
    update_contact(store, changed, today);
    edit_line(file, "TITLE", "TITLE:Enchantress of Numbers\r\nNOTE:from the phone");
    edit_line(file, "REV", "REV:20991231T000000Z");
    report = sync_vdir(store, dir.path, "3.0", today);
    REQUIRE(report.conflicts.size() == 1);
    CHECK(report.conflicts[0].find("TITLE") != std::string::npos);
    Contact merged = get_contact(store, ada.id);
    CHECK(merged.title == "Enchantress of Numbers");
    CHECK(merged.phone == "+44 1");
    CHECK(merged.notes == "from the phone");
    text = slurp(file);
    CHECK(text.find("TEL:+44 1") != std::string::npos);
    CHECK(sync_vdir(store, dir.path, "3.0", today).written == 0);
}

TEST_CASE("sync: a deleted card archives, an archived or purged person's card goes, a new card is a new person") {
    TempDir dir;
    Store store = Store::open_memory();
    Contact ada = person(store, "Ada Lovelace");
    Contact grace = person(store, "Grace Hopper");
    Contact alan = person(store, "Alan Turing");
    sync_vdir(store, dir.path, "3.0", today);
    auto uids = assign_uids(store);
    fs::remove(dir.path / (uids[ada.id] + ".vcf"));
    set_archived(store, grace.id, true, today);
    purge_contact(store, alan.id);
    spit(dir.path / "phone.vcf", "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Hamilton;Margaret\r\nUID:phone-1\r\nEND:VCARD\r\n");
    SyncReport report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.archived == 1);
    CHECK(report.removed == 2);
    CHECK(report.added == 1);
    CHECK(get_contact(store, ada.id).archived);
    CHECK(vcf_files(dir.path) == std::vector<fs::path>{dir.path / "phone.vcf"});
    CHECK(get_contact(store, ids_by_uid(store).at("phone-1")).name == "Margaret Hamilton");
    CHECK(assign_uids(store).size() == 3);
    // The new person kept the phone's UID: the same card again matches her.
    spit(dir.path / "again.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Margaret Hamilton\r\nUID:phone-1\r\nEND:VCARD\r\n");
    report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.added == 0);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].find("again.vcf: the same person as another card") != std::string::npos);
}

TEST_CASE("sync: hostile files are left alone, a UID is never a path") {
    TempDir dir;
    Store store = Store::open_memory();
    spit(dir.path / "a.vcf", "BEGIN:VCARD\r\nFN:Eve\r\nUID:../../etc/passwd\r\nEND:VCARD\r\n");
    spit(dir.path / "b.vcf", "not a card at all\n");
    spit(dir.path / "c.vcf", "BEGIN:VCARD\r\nFN:Never ended\r\n");
    spit(dir.path / "notes.txt", "BEGIN:VCARD\r\nFN:Not a vcf\r\nEND:VCARD\r\n");
    spit(dir.path / "d.vcf", "BEGIN:VCARD\r\nUID:x\r\nEND:VCARD\r\n");
    spit(dir.path / "e.vcf", "BEGIN:VCARD\r\nFN:Bad date\r\nX-ROLO-MET-ON:yesterday\r\nEND:VCARD\r\n");
    SyncReport report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.added == 1);
    CHECK(report.problems.size() == 4);
    Contact eve = get_contact(store, 1);
    CHECK(eve.name == "Eve");
    CHECK(assign_uids(store)[eve.id] == "../../etc/passwd");  // a UID, kept as the card said it
    // A person whose UID is not a safe file name gets a card named otherwise.
    Contact mallory = person(store, "Mallory");
    store.db().exec(fmt::format("UPDATE contacts SET uid = '../mallory' WHERE id = {}", mallory.id));
    fs::create_directories(dir.path / "sub");
    CHECK(sync_vdir(store, dir.path / "sub", "3.0", today).written == 2);
    CHECK_FALSE(fs::exists(dir.path / "mallory"));
    CHECK_FALSE(fs::exists(dir.path / "mallory.vcf"));
    CHECK(vcf_files(dir.path / "sub").size() == 2);
    for (const auto& file : vcf_files(dir.path)) CHECK(file.parent_path() == dir.path);
}

TEST_CASE("sync: cards a sync cut short wrote are recognised, not added twice") {
    TempDir dir;
    Store store = Store::open_memory();
    for (int i = 0; i < 5; ++i) person(store, "Person " + std::to_string(i));
    sync_vdir(store, dir.path, "3.0", today);
    // As if killed before its commit: the files are there, the state is not.
    store.db().exec("DELETE FROM vdir_files");
    spit(dir.path / "x.vcf.AbC123.rolo-tmp", "BEGIN:VCARD\r\nFN:half");
    SyncReport report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.added == 0);
    CHECK(report.written == 0);
    CHECK(vcf_files(dir.path).size() == 5);
    CHECK(store.db().execAndGet("SELECT count(*) FROM vdir_files").getInt() == 5);
}

TEST_CASE("merge: the other's kept card lines join once, the kept UID's card stays and the other's goes") {
    TempDir dir;
    Store store = Store::open_memory();
    Contact ada = person(store, "Ada Lovelace", "ada@example.com");
    Contact copy = person(store, "A. Lovelace", "lovelace@old.example");
    CardKeeper keeper(store);
    keeper.set_lines(ada.id, "EMAIL;TYPE=home:ada@home.example\n");
    // Ada's home email again (other group, parameters, case), her main email, and a birthday.
    keeper.set_lines(copy.id, "item1.EMAIL:ADA@home.example\nEMAIL;TYPE=work:ada@example.com\nBDAY:1815-12-10\n");
    sync_vdir(store, dir.path, "3.0", today);
    auto uids = assign_uids(store);
    // Added to the copy's card on the phone, and synced.
    edit_line(dir.path / (uids[copy.id] + ".vcf"), "BDAY", "BDAY:1815-12-10\r\nX-SOCIAL:@ada");
    sync_vdir(store, dir.path, "3.0", today);

    auto result = merge_contacts(store, ada.id, copy.id, today);
    CHECK(std::find(result.actions.begin(), result.actions.end(), "kept 2 lines of its vCard") != result.actions.end());
    CHECK(card_extras(store).at(ada.id) == "EMAIL;TYPE=home:ada@home.example\nBDAY:1815-12-10\nX-SOCIAL:@ada\n");
    CHECK(card_uids(store).at(ada.id) == uids[ada.id]);

    // The next sync removes the other's card and rewrites Ada's; nobody comes back.
    SyncReport report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.removed == 1);
    CHECK(report.added == 0);
    CHECK(vcf_files(dir.path) == std::vector<fs::path>{dir.path / (uids[ada.id] + ".vcf")});
    CHECK(slurp(dir.path / (uids[ada.id] + ".vcf")).find("BDAY:1815-12-10\r\nX-SOCIAL:@ada\r\n") != std::string::npos);
    CHECK(all_contacts(store).size() == 1);
    CHECK(sync_vdir(store, dir.path, "3.0", today).written == 0);
    // Deleted on the phone since: it stays deleted.
    edit_line(dir.path / (uids[ada.id] + ".vcf"), "BDAY", "NOTE:no birthday");
    sync_vdir(store, dir.path, "3.0", today);
    CHECK(slurp(dir.path / (uids[ada.id] + ".vcf")).find("BDAY") == std::string::npos);
}

TEST_CASE("merge: a person with no UID yet takes the other's, and the other's card becomes theirs") {
    TempDir dir;
    Store store = Store::open_memory();
    Contact phone = person(store, "Grace Hopper");
    sync_vdir(store, dir.path, "3.0", today);
    std::string uid = assign_uids(store)[phone.id];
    Contact grace = person(store, "Grace B. Hopper", "grace@navy.example");  // added since, never synced

    auto result = merge_contacts(store, grace.id, phone.id, today);
    CHECK(std::find(result.actions.begin(), result.actions.end(), "took its vCard UID") != result.actions.end());
    CHECK(card_uids(store) == std::unordered_map<std::int64_t, std::string>{{grace.id, uid}});

    SyncReport report = sync_vdir(store, dir.path, "3.0", today);
    CHECK(report.removed == 0);
    CHECK(report.added == 0);
    CHECK(report.written == 1);
    CHECK(vcf_files(dir.path) == std::vector<fs::path>{dir.path / (uid + ".vcf")});
    std::string text = slurp(dir.path / (uid + ".vcf"));
    CHECK(text.find("FN:Grace B. Hopper") != std::string::npos);
    CHECK(text.find("UID:" + uid) != std::string::npos);
    CHECK(all_contacts(store).size() == 1);
}
