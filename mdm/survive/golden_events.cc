// SPDX-License-Identifier: Apache-2.0
#include "mdm/survive/golden_events.h"

#include <initializer_list>
#include <utility>

#include "mdm/base/json_writer.h"

namespace mdm::survive {
namespace {

using Field = std::pair<const char*, const std::vector<std::string>*>;

std::string Object(std::initializer_list<Field> fields) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  for (const auto& [key, list] : fields) {
    w.Key(key);
    w.BeginArray();
    for (const std::string& item : *list) w.String(item);
    w.EndArray();
  }
  w.EndObject();
  return out;
}

}  // namespace

std::string CreatedDetail(const std::vector<std::string>& records) {
  return Object({{"records", &records}});
}

std::string SplitFromDetail(const std::vector<std::string>& from,
                            const std::vector<std::string>& records) {
  return Object({{"from", &from}, {"records", &records}});
}

std::string UpdatedDetail(const std::vector<std::string>& added,
                          const std::vector<std::string>& removed,
                          const std::vector<std::string>& changed) {
  return Object({{"added", &added}, {"removed", &removed}, {"changed", &changed}});
}

std::string MergedDetail(const std::vector<std::string>& absorbed) {
  return Object({{"absorbed", &absorbed}});
}

std::string MergedIntoDetail(const std::string& survivor) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  w.Key("into");
  w.String(survivor);
  w.EndObject();
  return out;
}

std::string SplitDetail(const std::vector<std::string>& into) {
  return Object({{"into", &into}});
}

std::string RetiredDetail(const std::vector<std::string>& records) {
  return Object({{"records", &records}});
}

}  // namespace mdm::survive
