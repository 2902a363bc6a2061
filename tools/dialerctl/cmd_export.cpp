// `dialerctl export verify DIR [--public-key PEM]`: checks a compliance export bundle and names
// the first bad record (exit 0 intact, 1 tampered or incomplete, 2 unreadable input).
// `dialerctl export keygen --out FILE`: creates the Ed25519 signing key (PEM, mode 0600) whose
// path goes in the configuration, and prints its public key for auditors.
// `dialerctl export --db URL --from DATE --to DATE --out DIR --signing-key PEM`: writes a bundle
// from the call records in the database (see export_from_db.cpp).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compliance/export_bundle.h"
#include "compliance/files/bundle_directory.h"
#include "tools/dialerctl/command.h"
#include "tools/dialerctl/export_from_db.h"

namespace dialer::ctl {
namespace {

namespace fs = std::filesystem;
using compliance::BundleDirectory;

bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

int run_verify(const std::string& dir, const std::string& key_path) {
  if (!fs::is_directory(dir)) {
    std::cerr << "export verify: " << dir << " is not a directory\n";
    return kExitFailure;
  }
  std::optional<compliance::Ed25519Verifier> pinned;
  if (!key_path.empty()) {
    std::string pem;
    if (!read_text(key_path, pem)) {
      std::cerr << "export verify: cannot read " << key_path << "\n";
      return kExitFailure;
    }
    auto key = compliance::Ed25519Verifier::from_public_pem(pem);
    if (!key) {
      std::cerr << "export verify: " << key_path << ": " << key.error().message << "\n";
      return kExitFailure;
    }
    pinned = *key;
  }
  BundleDirectory bundle{dir};
  const auto report = compliance::verify_bundle(bundle, pinned);
  if (report.ok()) {
    std::cout << "OK: " << report.records_checked
              << " chained records verified (key: " << report.key_source << ")\n";
    if (report.key_source == "manifest") {
      std::cout << "note: verified with the key inside the bundle; pass --public-key to check "
                   "it against your own copy\n";
    }
    return kExitOk;
  }
  std::cout << "TAMPERED: " << describe(report.issues.front()) << "\n";
  for (std::size_t i = 1; i < report.issues.size(); ++i) {
    std::cout << "  also: " << describe(report.issues[i]) << "\n";
  }
  return kExitInvalid;
}

int run_keygen(const std::string& out) {
  if (fs::exists(out)) {
    std::cerr << "export keygen: " << out << " exists; refusing to overwrite a signing key\n";
    return kExitFailure;
  }
  auto pem = compliance::Ed25519Signer::generate_private_pem();
  if (!pem) {
    std::cerr << "export keygen: " << pem.error().message << "\n";
    return kExitFailure;
  }
  {
    std::ofstream f(out, std::ios::binary);
    f << *pem;
    if (!f) {
      std::cerr << "export keygen: cannot write " << out << "\n";
      return kExitFailure;
    }
  }
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  std::cout << compliance::Ed25519Signer::from_private_pem(*pem)->public_key_pem();
  return kExitOk;
}

const CommandRegistration kExport{
    "export", [](CLI::App& root) -> CommandRunner {
      auto* cmd = root.add_subcommand(
          "export",
          "compliance export bundles: write one from the database (--db ... --out DIR), or a "
          "subcommand");
      auto opts = std::make_shared<DbExportOptions>();
      add_db_export_options(*cmd, *opts);
      cmd->require_subcommand(0, 1);
      auto* verify = cmd->add_subcommand("verify", "verify an export bundle directory");
      auto dir = std::make_shared<std::string>();
      auto key = std::make_shared<std::string>();
      verify->add_option("dir", *dir, "bundle directory")->required();
      verify->add_option("--public-key", *key, "the signer's public key (PEM) to check against");
      auto* keygen = cmd->add_subcommand("keygen", "create an Ed25519 signing key");
      auto out = std::make_shared<std::string>();
      keygen->add_option("--out", *out, "private key file to create (PEM)")->required();
      return [=] {
        if (!cmd->parsed()) return kExitOk;
        if (verify->parsed()) return run_verify(*dir, *key);
        if (keygen->parsed()) return run_keygen(*out);
        return run_db_export(*opts);
      };
    }};

}  // namespace
}  // namespace dialer::ctl
