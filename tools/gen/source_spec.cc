// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/source_spec.h"

#include "absl/strings/string_view.h"

namespace mdm::gen {
namespace {

constexpr ColumnSpec kCrmFrColumns[] = {
    {"crm_id", "source_key"},        {"title", "title"},
    {"first_name", "given_name"},    {"last_name", "family_name"},
    {"birth_name", "maiden_name"},   {"specialty", "specialty"},
    {"rpps", "rpps"},                {"adeli", "adeli"},
    {"phones", "phone"},             {"email", "email"},
    {"street", "address.street"},    {"zip", "address.postcode"},
    {"city", "address.city"},        {"country", "address.country"},
    {"workplace", "affiliation.name"}, {"updated_at", "observed_at"},
    {"territory", "ignore"},
};

constexpr ColumnSpec kCrmUsColumns[] = {
    {"crm_id", "source_key"},         {"credentials", "title"},
    {"first_name", "given_name"},     {"middle_name", "middle_name"},
    {"last_name", "family_name"},     {"specialty", "specialty"},
    {"npi", "npi"},                   {"phones", "phone"},
    {"email", "email"},               {"street", "address.street"},
    {"suite", "address.street2"},     {"city", "address.city"},
    {"state", "ignore"},              {"zip", "address.postcode"},
    {"country", "address.country"},   {"organization", "affiliation.name"},
    {"updated_at", "observed_at"},    {"territory", "ignore"},
};

constexpr ColumnSpec kMslColumns[] = {
    {"profile_id", "source_key"},     {"name.first", "given_name"},
    {"name.middle", "middle_name"},   {"name.last", "family_name"},
    {"degrees[]", "title"},           {"institution.name", "affiliation.name"},
    {"institution.city", "address.city"}, {"country", "address.country"},
    {"emails[]", "email"},            {"specialties[]", "specialty"},
    {"rpps", "rpps"},                 {"npi", "npi"},
    {"last_updated", "observed_at"},
};

constexpr ColumnSpec kMedinfoColumns[] = {
    {"inquiry_id", "source_key"},     {"received_at", "observed_at"},
    {"caller_name", "full_name"},     {"caller_type", "specialty"},
    {"phone", "phone"},               {"email", "email"},
    {"city", "address.city"},         {"postcode", "address.postcode"},
    {"country", "address.country"},   {"product", "ignore"},
    {"question", "ignore"},
};

constexpr ColumnSpec kSocialColumns[] = {
    {"mention_id", "source_key"},     {"display_name", "full_name"},
    {"handle", "social_handle"},      {"bio", "ignore"},
    {"city", "address.city"},         {"inferred_specialty", "specialty"},
    {"lang", "language"},             {"posted_at", "observed_at"},
};

constexpr SourceSpec kSourceSpecs[] = {
    {"crm_fr", "rep", "crm_fr.csv", false, ',', false, false, "FR", "0.9",
     "legitimate_interests", 0, kCrmFrColumns},
    {"crm_us", "rep", "crm_us.csv", false, ',', false, false, "US", "0.9",
     "legitimate_interests", 0, kCrmUsColumns},
    {"msl_kol", "msl", "msl_profiles.jsonl", true, ',', false, false, "FR", "0.8",
     "legitimate_interests", 0, kMslColumns},
    {"medinfo", "medinfo", "medinfo_inquiries.csv", false, ';', true, true, "FR",
     "0.5", "legal_obligation", 3650, kMedinfoColumns},
    {"social", "social", "social_mentions.jsonl", true, ',', false, false, "FR",
     "0.3", "legitimate_interests", 365, kSocialColumns},
};

}  // namespace

absl::Span<const SourceSpec> SourceSpecs() { return kSourceSpecs; }

size_t ColumnIndex(const SourceSpec& spec, const char* column) {
  size_t column_idx = 0;
  while (absl::string_view(spec.columns[column_idx].column) != column) ++column_idx;
  return column_idx;
}

}  // namespace mdm::gen
