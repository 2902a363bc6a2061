# Every third-party library, found once here (see docs/adr/0001-stack.md).
# Pure targets link none of the adapter libraries below.
find_package(Threads REQUIRED)
find_package(GTest REQUIRED)
find_package(PkgConfig REQUIRED)

# Adapter and tool libraries, looked up lazily so a pure-only build needs fewer packages.
find_package(Boost 1.74 REQUIRED CONFIG)
find_package(yaml-cpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(date REQUIRED)

find_library(MYSQLCPPCONN_LIB mysqlcppconn REQUIRED)
add_library(dialer_mysqlcppconn INTERFACE)
target_link_libraries(dialer_mysqlcppconn INTERFACE ${MYSQLCPPCONN_LIB} Boost::headers)

find_library(PHONENUMBER_LIB phonenumber REQUIRED)
add_library(dialer_phonenumber INTERFACE)
target_link_libraries(dialer_phonenumber INTERFACE ${PHONENUMBER_LIB})

find_package(OpenSSL REQUIRED)  # OpenSSL::Crypto: SHA-256 and Ed25519 for call-record chains
find_package(spdlog REQUIRED)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(SPANDSP REQUIRED IMPORTED_TARGET spandsp)
pkg_check_modules(SOFIA REQUIRED IMPORTED_TARGET sofia-sip-ua)
