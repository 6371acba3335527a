// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/consent.h
//
// The consent in force for a golden record: per channel and purpose, the
// latest word among the consents its member records carry (dated by the
// consent's own date, else the record's observed_at) and those the privacy
// officer set (dated when set). On equal dates the officer's word wins,
// then a refusal: doubt never counts as consent.
#ifndef MDM_PRIVACY_CONSENT_H_
#define MDM_PRIVACY_CONSENT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/privacy.h"
#include "mdm/record.h"
#include "mdm/store/store.h"

namespace mdm::privacy {

// Channels a consent can be about.
inline constexpr const char* kConsentChannels[] = {"email", "phone", "visit"};

// InvalidArgument unless `channel` is one of kConsentChannels and `purpose`
// is at most 100 bytes of printable text.
absl::Status CheckConsent(absl::string_view channel, absl::string_view purpose);

// The officer's consent changes for `golden_id` and every id merged into it
// (a person's word follows them into the survivor), oldest first.
absl::StatusOr<std::vector<store::ConsentChangeRow>> ConsentChangesOf(store::Store& store,
                                                                      absl::string_view golden_id);

// Sorted by (channel, purpose).
std::vector<EffectiveConsent> EffectiveConsents(
    const std::vector<SourceRecord>& members, const std::vector<store::ConsentChangeRow>& changes);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_CONSENT_H_
