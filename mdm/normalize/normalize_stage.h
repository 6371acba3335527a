// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/normalize_stage.h
//
// The Normalize stage: completes a SourceRecord built from one input row with
// everything matching needs. Names are parsed (titles, particles, orders) and
// folded into keys; phones become E.164; e-mails are cleaned and checked;
// addresses get canonical postcodes and folded keys; identifiers are cleaned
// and their check digits verified; specialties are mapped to canonical
// codes; dates become ISO-8601; duplicates inside a list are dropped.
//
// A value that fails its check stays on the record, flagged invalid, and adds
// a warning. A record with neither a family name nor a national identifier is
// useless for matching: it is rejected (kNoNameNoIdentifier).
//
// Example:
//   NormalizeOutcome out = NormalizeRecord(std::move(built.record), context);
//   if (out.rejected) ... else store(out.record) and out.issues as warnings
//
// Thread-safety: NormalizeRecord() is a pure function; call it from any
// number of threads.
#ifndef MDM_NORMALIZE_NORMALIZE_STAGE_H_
#define MDM_NORMALIZE_NORMALIZE_STAGE_H_

#include <string>
#include <vector>

#include "mdm/model/reject.h"
#include "mdm/normalize/date_normalizer.h"
#include "mdm/normalize/specialty_catalog.h"
#include "mdm/record.h"

namespace mdm::normalize {

struct NormalizeContext {
  std::string default_country = "FR";  // ISO alpha-2 of the source
  const SpecialtyCatalog* specialties = &SpecialtyCatalog::Default();
  // Other countries the sources of the run are in: a national phone number
  // that is invalid in the record's country is tried in these, in order (a
  // US caller logged by a French call centre without a country).
  std::vector<std::string> other_countries;
};

struct NormalizeOutcome {
  SourceRecord record;
  bool rejected = false;
  // Warnings, and the reject when `rejected`; file and line are left empty
  // for the caller, which knows them.
  std::vector<model::RowIssue> issues;
};

NormalizeOutcome NormalizeRecord(SourceRecord record, const NormalizeContext& context);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_NORMALIZE_STAGE_H_
