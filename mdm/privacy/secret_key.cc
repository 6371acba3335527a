// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/secret_key.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/random_bytes.h"
#include "mdm/status.h"

namespace mdm::privacy {
namespace {

constexpr size_t kKeyBytes = 32;

}  // namespace

std::string DefaultKeyPath(absl::string_view db_path) { return absl::StrCat(db_path, ".key"); }

absl::Status CreateKeyFile(absl::string_view path) {
  MDM_ASSIGN_OR_RETURN(std::string key, base::RandomBytes(kKeyBytes));
  const std::string text = absl::StrCat(absl::BytesToHexString(key), "\n");
  const std::string file(path);
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return absl::AlreadyExistsError(absl::StrCat(path, ": already exists"));
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot create the secret key file (errno ", errno, ")"));
  }
  const ssize_t written = ::write(fd, text.data(), text.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(text.size()) || !synced) {
    ::unlink(file.c_str());
    return absl::UnavailableError(absl::StrCat(path, ": cannot write the secret key"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadKeyFile(absl::string_view path) {
  std::ifstream in{std::string(path)};
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        path, ": the secret key file is missing (it is created by `mdm init` beside the store)"));
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string hex(absl::StripAsciiWhitespace(text.str()));
  bool is_hex = hex.size() == 2 * kKeyBytes;
  for (char c : hex) is_hex = is_hex && absl::ascii_isxdigit(static_cast<unsigned char>(c));
  if (!is_hex) return absl::DataLossError(absl::StrCat(path, ": does not hold a secret key"));
  return absl::HexStringToBytes(hex);
}

}  // namespace mdm::privacy
