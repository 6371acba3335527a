// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/clip.h
//
// Ids, keys and field names a caller typed are echoed in error messages so
// that the user sees what was refused, but never at any length: a hostile
// or mistaken argument (a whole row pasted as an id) must not flood logs.
#ifndef MDM_BASE_CLIP_H_
#define MDM_BASE_CLIP_H_

#include "absl/strings/string_view.h"

namespace mdm::base {

// The first 40 bytes of `text`, for a message.
inline absl::string_view Clip(absl::string_view text) { return text.substr(0, 40); }

}  // namespace mdm::base

#endif  // MDM_BASE_CLIP_H_
