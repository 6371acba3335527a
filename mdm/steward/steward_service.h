// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/steward_service.h
//
// mdm::Steward over a Store: every operation checks its input, then writes
// in one transaction. Decisions, splits, merges and pins are stored as
// steward links and overrides; runs apply them (pipeline/steward_links.h).
#ifndef MDM_STEWARD_STEWARD_SERVICE_H_
#define MDM_STEWARD_STEWARD_SERVICE_H_

#include <memory>

#include "mdm/clock.h"
#include "mdm/steward.h"
#include "mdm/store/store.h"

namespace mdm::steward {

// `store` and `clock` must outlive the result; `key_path` names the store's
// secret key, which keys the audit trail its operations write to.
std::unique_ptr<Steward> NewStewardService(store::Store& store, const Clock& clock,
                                           std::string key_path);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_STEWARD_SERVICE_H_
