# Every dependency comes from a Debian package; when one is missing, say which
# package to install instead of CMake's generic "could not find" wall of text.
function(rolo_require package apt_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "rolo needs ${package}, which was not found.\n"
      "Install it with:  apt-get install ${apt_package}")
  endif()
endfunction()

rolo_require(SQLite3 libsqlite3-dev)
rolo_require(SQLiteCpp libsqlitecpp-dev)
rolo_require(CLI11 libcli11-dev)
rolo_require(tomlplusplus libtomlplusplus-dev)
rolo_require(fmt libfmt-dev)
rolo_require(nlohmann_json nlohmann-json3-dev)
if(BUILD_TESTING)
  rolo_require(doctest doctest-dev)
endif()
