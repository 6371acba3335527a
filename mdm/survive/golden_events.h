// SPDX-License-Identifier: Apache-2.0
// File: mdm/survive/golden_events.h
//
// The detail of each golden record event (golden_events.detail_json and
// `mdm golden history`): which golden ids and source records it involved
// and which attributes changed. Source records are named "source:key",
// never by a person's values.
#ifndef MDM_SURVIVE_GOLDEN_EVENTS_H_
#define MDM_SURVIVE_GOLDEN_EVENTS_H_

#include <string>
#include <vector>

namespace mdm::survive {

// "created": a new person. "split_from": a new id for records that left
// `from`.
std::string CreatedDetail(const std::vector<std::string>& records);
std::string SplitFromDetail(const std::vector<std::string>& from,
                            const std::vector<std::string>& records);
// "updated": members added or removed, attributes whose values changed.
std::string UpdatedDetail(const std::vector<std::string>& added,
                          const std::vector<std::string>& removed,
                          const std::vector<std::string>& changed);
// "merged": the ids this record absorbed; "merged_into": its survivor.
std::string MergedDetail(const std::vector<std::string>& absorbed);
std::string MergedIntoDetail(const std::string& survivor);
// "split": the ids its records went to.
std::string SplitDetail(const std::vector<std::string>& into);
// "retired": the deleted records it held last.
std::string RetiredDetail(const std::vector<std::string>& records);

}  // namespace mdm::survive

#endif  // MDM_SURVIVE_GOLDEN_EVENTS_H_
