#include "rolo/files.hpp"

#include "rolo/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rolo {
namespace {

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

}  // namespace

void create_private_directories(const std::filesystem::path& directory) {
    std::error_code ec;
    if (directory.empty() || std::filesystem::is_directory(directory, ec)) return;
    create_private_directories(directory.parent_path());
    if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST)
        throw Error(fmt::format("cannot create the directory {}: {}", directory.string(), std::strerror(errno)));
}

std::filesystem::path writable_target(const std::filesystem::path& destination,
                                      const std::filesystem::path& database) {
    struct stat link {};
    if (::lstat(destination.c_str(), &link) != 0 && errno == ENOENT) return destination;
    struct stat file {};
    if (::stat(destination.c_str(), &file) != 0)
        throw Error(fmt::format("cannot write {}: {}", destination.string(), std::strerror(errno)));
    if (S_ISDIR(file.st_mode))
        throw Error(fmt::format("{} is a directory; name the file to write", destination.string()));
    if (!S_ISREG(file.st_mode))
        throw Error(fmt::format("{} is not a regular file; name a new file or a regular one to replace",
                                destination.string()));
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat part {};
        if (::stat((database.string() + suffix).c_str(), &part) == 0 && same_file(part, file))
            throw Error(fmt::format("{} is the database{}; write to another file", destination.string(),
                                    *suffix ? fmt::format("'s {}", suffix + 1) : std::string(" itself")));
    }
    return std::filesystem::canonical(destination);
}

StagedFile::StagedFile(std::filesystem::path target) : target_(std::move(target)) {
    constexpr std::string_view suffix = ".rolo-tmp";
    std::string name = target_.string() + ".XXXXXX" + std::string(suffix);
    // mkostemps makes a name no file has, creates it O_EXCL, mode 0600.
    fd_ = ::mkostemps(name.data(), static_cast<int>(suffix.size()), O_CLOEXEC | O_NOFOLLOW);
    if (fd_ < 0) fail(errno);
    path_ = name;
}

StagedFile::~StagedFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
}

void StagedFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(errno);
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

bool StagedFile::place(bool replace) {
    // On disk before it replaces the old file: a crash leaves one or the other.
    if (::fsync(fd_) != 0) fail(errno);
    int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) fail(errno);
    int moved = ::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target_.c_str(), replace ? 0 : RENAME_NOREPLACE);
    if (moved != 0 && errno == EINVAL && !replace) {
        // A file system that cannot refuse to replace: look first.
        std::error_code ec;
        if (std::filesystem::exists(target_, ec)) return false;
        moved = ::rename(path_.c_str(), target_.c_str());
    }
    if (moved != 0 && errno == EEXIST && !replace) return false;
    if (moved != 0) fail(errno);
    path_.clear();
    return true;
}

void StagedFile::fail(int error) const {
    throw Error(fmt::format("cannot write {}: {}", target_.string(), std::strerror(error)));
}

}  // namespace rolo
