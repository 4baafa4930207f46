// libFuzzer harness for everything rolo reads from files and the command line:
// the CSV reader, the LinkedIn / CSV / vCard / Google / Outlook importers, UTF-16 decoding, the JSON restore,
// config.toml, dates, durations and cadences. Bad input must end in rolo::Error, never a crash, hang or leak,
// and whatever an import stores must survive a CSV export and re-import.
// Build: cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DROLO_FUZZ=ON
// Run:   build-fuzz/tests/fuzz_import tests/fuzz/corpus -max_total_time=600
#include "rolo/config.hpp"
#include "rolo/csv.hpp"
#include "rolo/date.hpp"
#include "rolo/error.hpp"
#include "rolo/export.hpp"
#include "rolo/import.hpp"
#include "rolo/store.hpp"
#include "rolo/vcard.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

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
    if (size < 4096) {
        expect_only_errors([&] {
            rolo::Store store = rolo::Store::open_memory();
            rolo::restore_json(store, text, "fuzz", today, false);
        });
    }
    if (size < 4096) expect_only_errors([&] { rolo::parse_config(text, "fuzz.toml"); });
    if (size < 64) {
        expect_only_errors([&] { rolo::parse_date(text, today); });
        expect_only_errors([&] { rolo::parse_every(text); });
        expect_only_errors([&] { rolo::parse_connected_on(text); });
    }
    return 0;
}
