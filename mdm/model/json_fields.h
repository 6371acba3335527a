// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/json_fields.h
//
// Typed reads of stored JSON documents (models, settings) without
// exceptions: each getter returns a default and marks the reader failed
// when a field is missing or of another type, so a parser reads everything
// and checks ok() once, then reports DataLoss (the store holds the text).
#ifndef MDM_MODEL_JSON_FIELDS_H_
#define MDM_MODEL_JSON_FIELDS_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace mdm::model {

class JsonFields {
 public:
  using Json = nlohmann::json;

  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }

  const Json& At(const Json& j, const char* key) {
    if (j.is_object()) {
      if (auto it = j.find(key); it != j.end()) return *it;
    }
    Fail();
    return Null();
  }
  std::string String(const Json& j, const char* key) {
    const Json& v = At(j, key);
    if (v.is_string()) return v.get<std::string>();
    Fail();
    return "";
  }
  double Number(const Json& v) {
    if (v.is_number()) return v.get<double>();
    Fail();
    return 0;
  }
  double Number(const Json& j, const char* key) { return Number(At(j, key)); }
  int64_t Integer(const Json& j, const char* key) {
    const Json& v = At(j, key);
    if (v.is_number_integer()) return v.get<int64_t>();
    Fail();
    return 0;
  }
  bool Bool(const Json& j, const char* key) {
    const Json& v = At(j, key);
    if (v.is_boolean()) return v.get<bool>();
    Fail();
    return false;
  }
  // An array, or an empty one (and failed) when the field is not an array.
  const Json& Array(const Json& j, const char* key) {
    const Json& v = At(j, key);
    if (v.is_array()) return v;
    Fail();
    return EmptyArray();
  }

 private:
  static const Json& Null() {
    static const Json* const kNull = new Json();
    return *kNull;
  }
  static const Json& EmptyArray() {
    static const Json* const kEmpty = new Json(Json::array());
    return *kEmpty;
  }
  bool ok_ = true;
};

}  // namespace mdm::model

#endif  // MDM_MODEL_JSON_FIELDS_H_
