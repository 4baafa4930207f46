#pragma once
// Writing rolo's files safely. Each file is written in full under a fresh,
// private name beside its target and then moved into place, so a reader or a
// crash never sees half of one, and another user can neither read it nor
// redirect it through a planted symlink or file.
#include <filesystem>
#include <string_view>

namespace rolo {

// Creates whichever of `directory` and its parents are missing, mode 0700
// whatever the umask. Throws Error.
void create_private_directories(const std::filesystem::path& directory);

// Where a command that writes `destination` should write: a new path, or the
// regular file it names (through symlinks). Throws Error for the database
// itself (or its -wal, -shm or -journal, by inode, so through links too),
// a directory, or anything else that is not a regular file (a device, a FIFO).
std::filesystem::path writable_target(const std::filesystem::path& destination,
                                      const std::filesystem::path& database);

// A file being written for `target`: created with a unique name beside it
// (O_EXCL | O_NOFOLLOW, mode 0600), removed again unless placed.
class StagedFile {
public:
    explicit StagedFile(std::filesystem::path target);
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    // Appends `bytes`; throws Error with the reason.
    void write(std::string_view bytes);

    // Syncs the file to disk and moves it to the target, replacing what is
    // there. Unless `replace`, an existing target is left alone and this
    // returns false. Throws Error with the reason.
    bool place(bool replace = true);

private:
    [[noreturn]] void fail(int error) const;

    std::filesystem::path target_;
    std::filesystem::path path_;
    int fd_ = -1;
};

}  // namespace rolo
