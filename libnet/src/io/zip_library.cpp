#include "zip_library.hpp"

#include "rolo/error.hpp"

#include <dlfcn.h>

#include <fmt/format.h>

namespace rolo {
namespace {

ZipLibrary load() {
    // Never closed: the functions are used until the process ends.
    void* handle = dlopen(ROLO_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw Error(fmt::format("cannot read zip archives: {} (install libzip, or unzip the archive and import "
                                "the folder)",
                                dlerror()));
    ZipLibrary library;
    auto symbol = [&](const char* name) {
        void* address = dlsym(handle, name);
        if (!address) throw Error(fmt::format("cannot read zip archives: {} has no {}", ROLO_LIBZIP_SONAME, name));
        return address;
    };
#define ROLO_ZIP_LOAD(name) library.name = reinterpret_cast<decltype(library.name)>(symbol("zip_" #name));
    ROLO_ZIP_FUNCTIONS(ROLO_ZIP_LOAD)
#undef ROLO_ZIP_LOAD
    return library;
}

}  // namespace

const ZipLibrary& zip_library() {
    static const ZipLibrary library = load();
    return library;
}

}  // namespace rolo
