// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/consent.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "mdm/base/iso_time.h"
#include "mdm/status.h"

namespace mdm::privacy {
namespace {

// Orders two words about one channel and purpose: later date, then the
// officer, then a refusal.
bool Overrides(const EffectiveConsent& a, bool a_officer, const EffectiveConsent& b,
               bool b_officer) {
  return std::make_tuple(base::IsoStartOf(a.observed_at), a_officer, !a.granted) >
         std::make_tuple(base::IsoStartOf(b.observed_at), b_officer, !b.granted);
}

}  // namespace

absl::Status CheckConsent(absl::string_view channel, absl::string_view purpose) {
  bool known = false;
  for (absl::string_view c : kConsentChannels) known = known || c == channel;
  if (!known) {
    return absl::InvalidArgumentError("channel must be one of email, phone, visit");
  }
  if (purpose.size() > 100) return absl::InvalidArgumentError("purpose is over 100 bytes");
  for (unsigned char c : purpose) {
    if (c < 0x20 || c == 0x7f) {
      return absl::InvalidArgumentError("purpose must not hold control characters");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<store::ConsentChangeRow>> ConsentChangesOf(store::Store& store,
                                                                      absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(std::vector<store::ConsentChangeRow> changes,
                       store.ListConsentChanges(golden_id));
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> absorbed, store.ListAbsorbed(golden_id));
  for (const store::GoldenRow& a : absorbed) {
    MDM_ASSIGN_OR_RETURN(std::vector<store::ConsentChangeRow> more,
                         store.ListConsentChanges(a.golden_id));
    changes.insert(changes.end(), more.begin(), more.end());
  }
  std::sort(changes.begin(), changes.end(),
            [](const store::ConsentChangeRow& a, const store::ConsentChangeRow& b) {
              return a.change_id < b.change_id;
            });
  return changes;
}

std::vector<EffectiveConsent> EffectiveConsents(
    const std::vector<SourceRecord>& members, const std::vector<store::ConsentChangeRow>& changes) {
  std::map<std::pair<std::string, std::string>, std::pair<EffectiveConsent, bool>> latest;
  auto offer = [&latest](EffectiveConsent c, bool officer) {
    auto key = std::make_pair(c.channel, c.purpose);
    auto it = latest.find(key);
    if (it == latest.end() || Overrides(c, officer, it->second.first, it->second.second)) {
      latest[key] = {std::move(c), officer};
    }
  };
  for (const SourceRecord& r : members) {
    for (const Consent& c : r.consents) {
      offer({c.channel, c.purpose, c.granted, c.observed_at.empty() ? r.observed_at : c.observed_at,
             absl::StrCat(r.source, ":", r.source_key)},
            false);
    }
  }
  for (const store::ConsentChangeRow& c : changes) {
    offer({c.channel, c.purpose, c.granted, c.at, absl::StrCat("officer:", c.actor)}, true);
  }
  std::vector<EffectiveConsent> out;
  for (auto& [key, value] : latest) out.push_back(std::move(value.first));
  return out;
}

}  // namespace mdm::privacy
