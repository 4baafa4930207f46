// Reading the archive's files out of a zip (libzip) or a folder.
//
// libzip rather than libarchive: rolo needs four named members of one zip,
// and libzip finds a member by name without reading the others (the
// central directory), says plainly when a member is encrypted
// (ZIP_ER_NOPASSWD) and checks the CRC of what it inflates, so a truncated
// or damaged archive is an error rather than short text. libarchive reads
// every format as a stream, which is more than rolo needs and less direct
// about these failures.
#include "rolo/linkedin_archive.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "zip_library.hpp"

namespace rolo {
namespace {

// The four files, by their names with case, spaces, underscores and dashes
// ignored ("Connections.csv", "connections.csv", "Connections_1.csv" is not one).
enum class Known { profile, connections, invitations, messages, none };

std::string name_key(std::string_view name) {
    if (auto slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string key;
    for (char c : name)
        if (c != ' ' && c != '_' && c != '-') key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return key;
}

Known known_file(std::string_view name) {
    std::string key = name_key(name);
    if (key == "profile.csv") return Known::profile;
    if (key == "connections.csv") return Known::connections;
    if (key == "invitations.csv") return Known::invitations;
    if (key == "messages.csv") return Known::messages;
    return Known::none;
}

std::optional<ArchiveFile>& slot(LinkedInArchive& archive, Known known) {
    switch (known) {
    case Known::profile: return archive.profile;
    case Known::connections: return archive.connections;
    case Known::invitations: return archive.invitations;
    case Known::messages: break;
    case Known::none: break;
    }
    return archive.messages;
}

// "..._MM-DD-YYYY.zip" (LinkedIn's name for the archive, and the folder it unzips to).
std::optional<Date> date_in_name(std::string_view name) {
    if (auto slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    auto underscore = name.rfind('_');
    if (underscore == std::string_view::npos || name.size() < underscore + 11) return std::nullopt;
    std::string_view date = name.substr(underscore + 1, 10);
    if (date[2] != '-' || date[5] != '-') return std::nullopt;
    unsigned month = 0, day = 0;
    int year = 0;
    auto number = [](std::string_view text, auto& value) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        return ec == std::errc{} && end == text.data() + text.size();
    };
    if (!number(date.substr(0, 2), month) || !number(date.substr(3, 2), day) || !number(date.substr(6, 4), year))
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

[[noreturn]] void no_known_file(const std::string& source) {
    throw Error(fmt::format("{}: not a LinkedIn data export: none of Profile.csv, Connections.csv, "
                            "Invitations.csv or messages.csv in it",
                            source));
}

std::string zip_problem(int code) {
    const ZipLibrary& lib = zip_library();
    zip_error_t error;
    lib.error_init_with_code(&error, code);
    std::string text = lib.error_strerror(&error);
    lib.error_fini(&error);
    return text;
}

struct ZipCloser {
    void operator()(zip_t* zip) const { zip_library().discard(zip); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_library().fclose(file); }
};

std::string read_member(zip_t* zip, zip_uint64_t index, const std::string& source, const std::string& name) {
    const ZipLibrary& lib = zip_library();
    zip_stat_t stat;
    lib.stat_init(&stat);
    if (lib.stat_index(zip, index, 0, &stat) != 0)
        throw Error(fmt::format("{}: cannot read {}: {}", source, name, lib.strerror(zip)));
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        throw Error(fmt::format("{}: {} is encrypted; unzip it with its password and import the folder", source,
                                name));
    std::unique_ptr<zip_file_t, ZipFileCloser> file(lib.fopen_index(zip, index, 0));
    if (!file) throw Error(fmt::format("{}: cannot read {}: {}", source, name, lib.strerror(zip)));
    std::string text;
    // Grown once, not doubled from 64 KB; the size an archive claims is
    // trusted only as far as a sane export goes.
    constexpr zip_uint64_t most_reserved = zip_uint64_t{1} << 30;
    if (stat.valid & ZIP_STAT_SIZE) text.reserve(static_cast<std::size_t>(std::min(stat.size, most_reserved)));
    std::array<char, 1 << 16> buffer;
    for (;;) {
        zip_int64_t got = lib.fread(file.get(), buffer.data(), buffer.size());
        if (got < 0)
            throw Error(fmt::format("{}: cannot read {} (a truncated or damaged archive?): {}", source, name,
                                    lib.file_strerror(file.get())));
        if (got == 0) break;
        text.append(buffer.data(), static_cast<std::size_t>(got));
    }
    return text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || !text) throw Error(fmt::format("cannot read {}", path.string()));
    return std::move(text).str();
}

std::unique_ptr<zip_t, ZipCloser> open_zip(std::string_view bytes, const std::string& source) {
    const ZipLibrary& lib = zip_library();
    zip_error_t error;
    lib.error_init(&error);
    zip_source_t* buffer = lib.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!buffer) {
        std::string problem = lib.error_strerror(&error);
        lib.error_fini(&error);
        throw Error(fmt::format("{}: {}", source, problem));
    }
    std::unique_ptr<zip_t, ZipCloser> zip(lib.open_from_source(buffer, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!zip) {
        lib.source_free(buffer);
        int code = lib.error_code_zip(&error);
        lib.error_fini(&error);
        // A zip's directory is at its end: a zip cut short starts well and has none.
        if (code == ZIP_ER_NOZIP && looks_like_zip(bytes))
            throw Error(fmt::format("{}: a truncated or damaged zip (its directory is missing)", source));
        if (code == ZIP_ER_NOZIP) throw Error(fmt::format("{}: not a zip file", source));
        throw Error(fmt::format("{}: not a readable zip (truncated or damaged?): {}", source, zip_problem(code)));
    }
    return zip;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06"); }

LinkedInArchive read_linkedin_zip(std::string_view bytes, const std::string& source) {
    const ZipLibrary& lib = zip_library();
    auto zip = open_zip(bytes, source);
    LinkedInArchive archive;
    archive.exported_on = date_in_name(source);
    zip_int64_t entries = lib.get_num_entries(zip.get(), 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* name = lib.get_name(zip.get(), static_cast<zip_uint64_t>(i), 0);
        if (!name) continue;
        Known known = known_file(name);
        if (known == Known::none || slot(archive, known)) continue;
        auto index = static_cast<zip_uint64_t>(i);
        if (known == Known::messages) {
            slot(archive, known) = ArchiveFile{name, {}};
            // Read on another thread, through a zip of its own (libzip's are
            // not shared between threads), from its own copy of the bytes.
            archive.read_messages = [bytes = std::make_shared<const std::string>(bytes), source, index,
                                     name = std::string(name)] {
                return read_member(open_zip(*bytes, source).get(), index, source, name);
            };
            continue;
        }
        slot(archive, known) = ArchiveFile{name, read_member(zip.get(), index, source, name)};
    }
    if (!archive.profile && !archive.connections && !archive.invitations && !archive.messages) no_known_file(source);
    return archive;
}

LinkedInArchive read_linkedin_folder(const std::filesystem::path& folder) {
    LinkedInArchive archive;
    std::string source = folder.string();
    std::string name = folder.filename().empty() ? folder.parent_path().filename().string() : folder.filename().string();
    archive.exported_on = date_in_name(name);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        Known known = known_file(entry.path().filename().string());
        if (known == Known::none || slot(archive, known)) continue;
        slot(archive, known) = ArchiveFile{entry.path().filename().string(), read_file(entry.path())};
    }
    if (ec) throw Error(fmt::format("cannot read {}: {}", source, ec.message()));
    if (!archive.profile && !archive.connections && !archive.invitations && !archive.messages) no_known_file(source);
    return archive;
}

}  // namespace rolo
