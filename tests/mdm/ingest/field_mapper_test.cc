// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/field_mapper.h"

#include <catch2/catch.hpp>

namespace mdm::ingest {
namespace {

using model::CanonicalField;

SourceConfig Source(FileFormat format) {
  SourceConfig s;
  s.name = "crm";
  s.format = format;
  s.mapping = {{"id", "source_key"},     {"nom", "family_name"},
               {"tel", "phone"},         {"cp", "address.postcode"},
               {"cp2", "address2.postcode"}, {"notes", "ignore"},
               {"addresses[].zip", "address.postcode"}, {"emails[]", "email"}};
  return s;
}

RawRow Row(std::vector<RawField> fields) {
  RawRow row;
  row.line = 2;
  row.fields = std::move(fields);
  return row;
}

TEST_CASE("FieldMapper: CSV columns map to fields, lists split, blanks dropped", "[ingest]") {
  FieldMapper mapper(Source(FileFormat::kCsv));
  const std::vector<std::string> columns = {"id", " nom ", "tel", "cp", "cp2", "notes", "extra"};
  std::vector<MappedValue> out;
  mapper.Map(Row({{0, 0, "K1"}, {1, 0, "  Martin "}, {2, 0, "01 | 02||"},
                  {3, 0, "75009"}, {4, 0, ""}, {5, 0, "free text"}, {6, 0, "x"}}),
             columns, &out);
  REQUIRE(out.size() == 5);
  CHECK(out[0].field == CanonicalField::kSourceKey);
  CHECK(out[1].value == "Martin");
  CHECK(out[2].field == CanonicalField::kPhone);
  CHECK(out[2].value == "01");
  CHECK(out[3].value == "02");
  CHECK(out[4].field == CanonicalField::kAddressPostcode);
  CHECK(out[4].group == 0);
}

TEST_CASE("FieldMapper: JSON paths keep array groups and are not split", "[ingest]") {
  FieldMapper mapper(Source(FileFormat::kJsonl));
  std::vector<std::string> columns = {"id"};
  std::vector<MappedValue> out;
  mapper.Map(Row({{0, 0, "K1"}}), columns, &out);
  CHECK(out.size() == 1);
  // New paths appear as the JSON Lines reader meets them.
  columns.push_back("addresses[].zip");
  columns.push_back("emails[]");
  mapper.Map(Row({{0, 0, "K2"}, {1, 0, "75009"}, {1, 1, "69003"}, {2, 0, "a|b@x.org"}}),
             columns, &out);
  REQUIRE(out.size() == 4);
  CHECK(out[1].group == 0);
  CHECK(out[2].group == 1);
  CHECK(out[2].value == "69003");
  CHECK(out[3].value == "a|b@x.org");
}

TEST_CASE("FieldMapper: header check names unmapped and missing columns", "[ingest]") {
  FieldMapper mapper(Source(FileFormat::kCsv));
  auto issues = mapper.CheckColumns({"id", "nom", "tel", "cp", "notes", "extra"}, "f.csv");
  std::vector<std::pair<model::IssueReason, std::string>> got;
  for (const auto& i : issues) {
    CHECK(i.file == "f.csv");
    CHECK(i.line == 1);
    got.emplace_back(i.reason, i.field);
  }
  using R = model::IssueReason;
  CHECK(got == std::vector<std::pair<R, std::string>>{
                   {R::kUnmappedColumn, "extra"},
                   {R::kMissingColumn, "addresses[].zip"},
                   {R::kMissingColumn, "cp2"},
                   {R::kMissingColumn, "emails[]"}});
  CHECK(mapper.CheckColumns({}, "f.jsonl").empty());
}

}  // namespace
}  // namespace mdm::ingest
