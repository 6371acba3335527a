// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/json_dump.h
//
// Compact serialization that never throws: nlohmann::json's dump() throws on
// invalid UTF-8 by default, and no exception may leave the library. Text is
// validated at ingest, so a replacement character here means a bug upstream,
// not lost data.
#ifndef MDM_MODEL_JSON_DUMP_H_
#define MDM_MODEL_JSON_DUMP_H_

#include <string>

#include <nlohmann/json.hpp>

namespace mdm::model {

template <typename JsonT>
std::string DumpJson(const JsonT& json) {
  return json.dump(-1, ' ', false, JsonT::error_handler_t::replace);
}

}  // namespace mdm::model

#endif  // MDM_MODEL_JSON_DUMP_H_
