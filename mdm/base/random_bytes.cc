// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/random_bytes.h"

#include <openssl/rand.h>

#include "absl/status/status.h"

namespace mdm::base {

absl::StatusOr<std::string> RandomBytes(size_t bytes) {
  std::string out(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(bytes)) != 1) {
    return absl::InternalError("the system's random generator failed");
  }
  return out;
}

}  // namespace mdm::base
