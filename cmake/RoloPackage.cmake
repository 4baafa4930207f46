# The Debian package: `cmake --build build --target package` writes
# rolo_VERSION_ARCH.deb into the build directory, installing under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rolo)
set(CPACK_PACKAGE_CONTACT "${ROLO_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "personal networking CLI: remember people, keep in touch")
set(CPACK_PACKAGE_DESCRIPTION [[
rolo is a private, fast, scriptable memory of the people you know: how you
met them, what you last talked about, who they know, and what you owe them
next. Small subcommands (add, log, show, due, intro, draft, import, export)
work on one local SQLite file, so it can be typed, piped, scripted and run
from cron. It reminds you who needs a touch, finds warm introduction paths,
drafts personal messages, and imports LinkedIn connections. Nothing leaves
your machine.]])
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libzip is loaded when an archive is read, so dpkg-shlibdeps does not see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS ${ROLO_LIBZIP_PACKAGE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The version is the one the build wrote (cmake/RoloVersion.cmake), read when
# cpack runs, so the package follows the checkout as `rolo --version` does.
configure_file(${CMAKE_CURRENT_LIST_DIR}/RoloPackageVersion.cmake.in ${PROJECT_BINARY_DIR}/RoloPackageVersion.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/RoloPackageVersion.cmake)
include(CPack)
