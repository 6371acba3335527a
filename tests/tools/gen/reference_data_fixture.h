// SPDX-License-Identifier: Apache-2.0
// File: tests/tools/gen/reference_data_fixture.h
//
// The reference lists of ../shared/datasets, loaded once per test binary.
#ifndef MDM_TESTS_TOOLS_GEN_REFERENCE_DATA_FIXTURE_H_
#define MDM_TESTS_TOOLS_GEN_REFERENCE_DATA_FIXTURE_H_

#include <catch2/catch.hpp>

#include "tools/gen/reference_data.h"

namespace mdm::gen::testing {

inline const ReferenceData& SharedReferenceData() {
  static const ReferenceData* data = [] {
    absl::StatusOr<ReferenceData> loaded = LoadReferenceData(MDM_DATASETS_DIR);
    REQUIRE(loaded.ok());
    return new ReferenceData(*std::move(loaded));
  }();
  return *data;
}

}  // namespace mdm::gen::testing

#endif  // MDM_TESTS_TOOLS_GEN_REFERENCE_DATA_FIXTURE_H_
