// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/privacy_service.h
//
// The implementation of mdm::Privacy (mdm/privacy.h) over a store; each
// right lives in its own file (erasure.h, subject_export.h, consent.h,
// retention.h, processing_report.h) and this service wires them.
#ifndef MDM_PRIVACY_PRIVACY_SERVICE_H_
#define MDM_PRIVACY_PRIVACY_SERVICE_H_

#include <functional>
#include <memory>
#include <string>

#include "mdm/clock.h"
#include "mdm/privacy.h"
#include "mdm/store/store.h"

namespace mdm::privacy {

struct PrivacyContext {
  store::Store& store;
  const Clock& clock;
  std::string key_path;  // the store's secret key (secret_key.h)
  int threads = 1;       // for the run a retention purge makes
  // Called after an operation changed what MatchOne may answer.
  std::function<void()> on_change;
};

// The store and clock must outlive the result.
std::unique_ptr<Privacy> NewPrivacyService(PrivacyContext context);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_PRIVACY_SERVICE_H_
