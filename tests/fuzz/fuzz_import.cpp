// libFuzzer harness for everything rolo reads from files and the command line:
// the CSV reader, the vCard 2.1 / 3.0 / 4.0 reader, the LinkedIn / CSV / vCard / Google / Outlook importers,
// LinkedIn's data export (its zip reader, and the input as each of its four files beside a fixed set of
// connections), UTF-16 decoding, the JSON restore, config.toml, dates, durations and cadences. Bad input must
// end in rolo::Error, never a crash, hang or leak; whatever an import stores must survive a CSV export and
// re-import, whatever a JSON restore stores must survive a JSON export and restore, a restore stores each
// contact's connection as the document says (its interactions are history, not commands to apply again), a
// card written again must read back line for line, and terminal_text must leave no control character for a
// terminal.
// Build: cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DROLO_FUZZ=ON
// Run:   build-fuzz/tests/fuzz_import tests/fuzz/corpus -max_total_time=600
#include "rolo/config.hpp"
#include "rolo/csv.hpp"
#include "rolo/date.hpp"
#include "rolo/error.hpp"
#include "rolo/export.hpp"
#include "rolo/import.hpp"
#include "rolo/linkedin_archive.hpp"
#include "rolo/store.hpp"
#include "rolo/table.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace {

template <typename F>
void expect_only_errors(F f) {
    try {
        f();
    } catch (const rolo::Error&) {
    }
}

// Whatever an import stored, a CSV export brings back unchanged: export,
// import into an empty database, export again, and the bytes agree.
void expect_lossless_csv(rolo::Store& store, rolo::Date today) {
    std::string first = rolo::render(rolo::export_contacts(store), rolo::Format::csv, false);
    rolo::Store copy = rolo::Store::open_memory();
    try {
        rolo::ImportReader rows(first, rolo::ImportFormat::csv, "export.csv", today);
        rolo::import_contacts(copy, rows, {"export.csv", false, false, ""}, today);
    } catch (const rolo::Error& e) {
        std::fprintf(stderr, "an export does not import: %s\n%s", e.what(), first.c_str());
        std::abort();
    }
    std::string second = rolo::render(rolo::export_contacts(copy), rolo::Format::csv, false);
    if (second != first) {
        std::fprintf(stderr, "an export changed on re-import:\n%s---\n%s", first.c_str(), second.c_str());
        std::abort();
    }
}

std::string exported_json(rolo::Store& store) {
    std::string text;
    rolo::write_export_json(store, std::nullopt, [&](std::string_view piece) { text += piece; });
    return text;
}

// Whatever a restore stored, a JSON export restores unchanged.
void expect_lossless_json(rolo::Store& store, rolo::Date today) {
    std::string first = exported_json(store);
    rolo::Store copy = rolo::Store::open_memory();
    try {
        rolo::restore_json(copy, first, "export.json", today, false);
    } catch (const rolo::Error& e) {
        std::fprintf(stderr, "a JSON export does not restore: %s\n%s\n", e.what(), first.c_str());
        std::abort();
    }
    std::string second = exported_json(copy);
    if (second != first) {
        std::fprintf(stderr, "a JSON export changed on restore:\n%s\n---\n%s\n", first.c_str(), second.c_str());
        std::abort();
    }
}

void check(bool ok, const char* what, std::string_view text) {
    if (ok) return;
    std::fprintf(stderr, "%s: %.*s\n", what, static_cast<int>(text.size()), text.data());
    std::abort();
}

// A restore writes rows: an `accepted` interaction in the document does not
// connect a contact the document says is not connected, nor move the day.
void expect_restored_as_given(std::string_view text, rolo::Store& store) {
    auto document = nlohmann::json::parse(text);
    std::map<std::int64_t, nlohmann::ordered_json> restored;
    auto exported = nlohmann::ordered_json::parse(exported_json(store));
    for (const auto& contact : exported["contacts"]) restored[contact["id"].get<std::int64_t>()] = contact;
    auto date_of = [](const auto& contact) {
        auto found = contact.find("connected_on");
        if (found == contact.end() || !found->is_string()) return std::optional<rolo::Date>{};
        return rolo::parse_iso_date(found->template get<std::string>());
    };
    for (const auto& given : document["contacts"]) {
        const auto& stored = restored.at(given["id"].get<std::int64_t>());
        check(stored["connected"].dump() == given["connected"].dump() && date_of(stored) == date_of(given),
              "a restore changed a connection", text);
    }
}

// What terminal_text lets through holds no control character a terminal
// obeys, and a guarded CSV cell reads back as it was.
void expect_safe_text(std::string_view text) {
    std::string safe = rolo::terminal_text(text);
    for (std::size_t i = 0; i < safe.size(); ++i) {
        auto byte = static_cast<unsigned char>(safe[i]);
        check((byte >= 0x20 || byte == '\n' || byte == '\t') && byte != 0x7F, "a control byte left", safe);
        check(!(byte == 0xC2 && i + 1 < safe.size() && static_cast<unsigned char>(safe[i + 1]) < 0xA0),
              "a C1 control left", safe);
    }
    check(rolo::valid_utf8(safe), "terminal_text left invalid UTF-8", safe);
    check(rolo::terminal_text(safe) == safe, "terminal_text is not idempotent", text);
    std::string cell = rolo::guard_formula(text);
    rolo::unguard_formula(cell);
    check(cell == text, "guard_formula does not read back", text);
}

// The input as each file of a LinkedIn archive that knows two connections
// and who you are; with --skip-bad, then without. A second import adds nothing.
void expect_archive_files(std::string_view text, rolo::Date today) {
    for (int file = 0; file < 4; ++file) {
        rolo::LinkedInArchive archive;
        archive.profile = rolo::ArchiveFile{"Profile.csv", "First Name,Last Name\nAda,Quint\n"};
        archive.connections = rolo::ArchiveFile{
            "Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                               "Bob,Li,https://www.linkedin.com/in/bob,,Delta,CFO,03 Mar 2023\n"
                               "Jane,\"Doe, PhD\",https://www.linkedin.com/in/jane,,Gamma,Lead,04 Mar 2023\n"};
        std::optional<rolo::ArchiveFile>* slots[] = {&archive.profile, &archive.connections, &archive.invitations,
                                                     &archive.messages};
        static const char* names[] = {"Profile.csv", "Connections.csv", "Invitations.csv", "messages.csv"};
        *slots[file] = rolo::ArchiveFile{names[file], std::string(text)};
        for (bool skip_bad : {true, false}) {
            expect_only_errors([&] {
                rolo::Store store = rolo::Store::open_memory();
                rolo::ImportOptions options{.source = "fuzz.zip", .skip_bad = skip_bad};
                rolo::import_linkedin_archive(store, archive, options, today);
                auto again = rolo::import_linkedin_archive(store, archive, options, today);
                check(again.interactions_added == 0 && again.added == 0 && again.updated == 0,
                      "a second archive import changed something", text);
            });
        }
    }
}

// Any card, 2.1 included, written again as 3.0 reads back line for line.
void expect_card_round_trip(std::string_view text) {
    for (const auto& card : rolo::parse_cards(text)) {
        auto again = rolo::parse_cards(rolo::write_card(card, "3.0"));
        check(again.size() == 1 && again[0].lines == card.lines, "a card changed when written again", text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const rolo::Date today = rolo::parse_iso_date("2026-11-24").value();
    expect_only_errors([&] {
        rolo::CsvReader reader(text);
        rolo::CsvRecord record;
        while (reader.next(record)) {
        }
    });
    expect_only_errors([&] { rolo::read_vcards(text); });
    expect_only_errors([&] { expect_card_round_trip(text); });
    expect_only_errors([&] { rolo::utf8_from_utf16(text, "fuzz"); });
    for (auto format : {rolo::ImportFormat::linkedin, rolo::ImportFormat::csv, rolo::ImportFormat::vcard,
                        rolo::ImportFormat::google, rolo::ImportFormat::outlook}) {
        expect_only_errors([&] {
            rolo::ImportReader rows(text, format, "fuzz", today);
            // Small inputs go all the way into a database too.
            if (size < 512) {
                rolo::Store store = rolo::Store::open_memory();
                rolo::import_contacts(store, rows, {"fuzz", true, false, ""}, today);
                expect_lossless_csv(store, today);
            }
            rolo::ImportRow row;
            while (rows.next(row)) {
            }
        });
    }
    expect_only_errors([&] {
        auto archive = rolo::read_linkedin_zip(text, "fuzz.zip");
        if (archive.read_messages) archive.read_messages();
    });
    if (size < 4096) expect_archive_files(text, today);
    if (size < 4096) {
        expect_only_errors([&] {
            rolo::Store store = rolo::Store::open_memory();
            rolo::restore_json(store, text, "fuzz", today, false);
            expect_restored_as_given(text, store);
            expect_lossless_json(store, today);
        });
    }
    if (size < 4096) expect_only_errors([&] { rolo::parse_config(text, "fuzz.toml"); });
    expect_safe_text(text);
    if (size < 64) {
        expect_only_errors([&] { rolo::parse_date(text, today); });
        expect_only_errors([&] { rolo::parse_every(text); });
        expect_only_errors([&] { rolo::parse_connected_on(text); });
    }
    return 0;
}
