// libzip, loaded the first time an archive is read rather than linked: linked,
// it and the libcrypto it brings are relocated at the start of every rolo
// command, about 2 ms of a 10 ms `rolo show`, for a reader few runs use.
#pragma once

#include <zip.h>

namespace rolo {

// The libzip functions rolo calls, named without their zip_ prefix.
#define ROLO_ZIP_FUNCTIONS(X)                                                                                     \
    X(discard)                                                                                                    \
    X(error_code_zip)                                                                                             \
    X(error_fini)                                                                                                 \
    X(error_init)                                                                                                 \
    X(error_init_with_code)                                                                                       \
    X(error_strerror)                                                                                             \
    X(fclose)                                                                                                     \
    X(file_strerror)                                                                                              \
    X(fopen_index)                                                                                                \
    X(fread)                                                                                                      \
    X(get_name)                                                                                                   \
    X(get_num_entries)                                                                                            \
    X(open_from_source)                                                                                           \
    X(source_buffer_create)                                                                                       \
    X(source_free)                                                                                                \
    X(stat_index)                                                                                                 \
    X(stat_init)                                                                                                  \
    X(strerror)

struct ZipLibrary {
#define ROLO_ZIP_POINTER(name) decltype(&::zip_##name) name = nullptr;
    ROLO_ZIP_FUNCTIONS(ROLO_ZIP_POINTER)
#undef ROLO_ZIP_POINTER
};

// Loads libzip once; throws Error naming the library when it cannot.
const ZipLibrary& zip_library();

}  // namespace rolo
