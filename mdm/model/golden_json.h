// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/golden_json.h
//
// The JSON form of a golden record's content: every surviving value with
// its lineage, and the member records. This is what the store keeps (and
// hashes to tell an updated golden record from an unchanged one); the id,
// status and runs live in their own columns and are not part of it.
//
// Example:
//   std::string json = GoldenContentToJson(golden);
//   absl::StatusOr<GoldenRecord> back = GoldenContentFromJson(json);
//   // back has golden's values, lineage and members; id and status unset
#ifndef MDM_MODEL_GOLDEN_JSON_H_
#define MDM_MODEL_GOLDEN_JSON_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/base/json_writer.h"
#include "mdm/golden.h"

namespace mdm::model {

// Writes the content fields into an object `w` has open (no braces), so a
// caller can put the identity fields first.
void WriteGoldenContent(base::JsonWriter& w, const GoldenRecord& golden);

// Compact JSON with a stable key order: equal content gives equal text.
std::string GoldenContentToJson(const GoldenRecord& golden);

// Parses text written by GoldenContentToJson(). DataLoss when it is not.
absl::StatusOr<GoldenRecord> GoldenContentFromJson(absl::string_view json);

// The attributes (as named in kGoldenAttributes) whose surviving values
// differ between two versions of a golden record; lineage is not compared.
std::vector<std::string> ChangedAttributes(const GoldenRecord& before,
                                           const GoldenRecord& after);

// {"before": {attribute: values}, "after": {...}} of the attributes whose
// values differ (no lineage): the personal payload of an audit event. An
// empty value is left out, so a new record has an empty "before".
std::string ValueChangesToJson(const GoldenRecord& before, const GoldenRecord& after);

}  // namespace mdm::model

#endif  // MDM_MODEL_GOLDEN_JSON_H_
