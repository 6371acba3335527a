// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/phone_normalizer.h"

#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace mdm::normalize {
namespace {

struct PhoneCase {
  std::string raw;
  std::string country;
  std::string e164;
  Validity validity;
};

// Every number is in a range reserved for drama and documentation:
// FR 01 99 00 xx xx (ARCEP), US 555-0100..0199 (NANPA), UK 020 7946 0xxx
// (Ofcom), DE 030 23125 xxx (Bundesnetzagentur).
TEST_CASE("NormalizePhone: national and international spellings give E.164",
          "[normalize]") {
  const PhoneCase c = GENERATE(values<PhoneCase>({
      {"+33 (0)1 99 00 12 34", "FR", "+33199001234", Validity::kValid},
      {"0033 1 99 00 12 34", "FR", "+33199001234", Validity::kValid},
      {"00 33 1 99 00 12 34", "FR", "+33199001234", Validity::kValid},
      {"01.99.00.12.34", "FR", "+33199001234", Validity::kValid},
      {"01-99-00-12-34", "FR", "+33199001234", Validity::kValid},
      {"  0199001234 ", "fr", "+33199001234", Validity::kValid},
      {"+33199001234", "", "+33199001234", Validity::kValid},
      {"Tél. : 01 99 00 12 34", "FR", "+33199001234", Validity::kValid},
      {"tel:+33-1-99-00-12-34", "FR", "+33199001234", Validity::kValid},
      {"０１ ９９ ００ １２ ３４", "FR", "+33199001234", Validity::kValid},
      {"(212) 555-0123", "US", "+12125550123", Validity::kValid},
      {"212.555.0199", "US", "+12125550199", Validity::kValid},
      {"1 212 555 0123", "US", "+12125550123", Validity::kValid},
      {"+1 (212) 555-0123", "FR", "+12125550123", Validity::kValid},
      {"(212) JJJ-0123", "US", "+12125550123", Validity::kValid},  // vanity
      {"011 33 1 99 00 12 34", "US", "+33199001234", Validity::kValid},
      {"020 7946 0123", "GB", "+442079460123", Validity::kValid},
      {"+44 (0)20 7946 0000", "GB", "+442079460000", Validity::kValid},
      {"(020) 7946 0018", "GB", "+442079460018", Validity::kValid},
      {"030 23125 123", "DE", "+493023125123", Validity::kValid},
      {"+49 (0)30 23125 456", "DE", "+493023125456", Validity::kValid},
      {"030/23125-456", "DE", "+493023125456", Validity::kValid},
      {"0049 30 23125 000", "FR", "+493023125000", Validity::kValid},
  }));
  CAPTURE(c.raw, c.country);
  const Phone phone = NormalizePhone(c.raw, c.country);
  CHECK(phone.raw == c.raw);
  CHECK(phone.e164 == c.e164);
  CHECK(phone.validity == c.validity);
}

TEST_CASE("NormalizePhone: extensions are dropped from E.164", "[normalize]") {
  const PhoneCase c = GENERATE(values<PhoneCase>({
      {"01 99 00 12 34 x123", "FR", "+33199001234", Validity::kValid},
      {"01 99 00 12 34 poste 12", "FR", "+33199001234", Validity::kValid},
      {"01 99 00 12 34 (Poste 4512)", "FR", "+33199001234", Validity::kValid},
      {"01 99 00 12 34 POSTE: 12", "FR", "+33199001234", Validity::kValid},
      {"+33 1 99 00 12 34 #5", "FR", "+33199001234", Validity::kValid},
      {"(212) 555-0199 ext. 7", "US", "+12125550199", Validity::kValid},
      {"212 555 0123 extension 4", "US", "+12125550123", Validity::kValid},
      {"020 7946 0123 ext 2", "GB", "+442079460123", Validity::kValid},
  }));
  CAPTURE(c.raw, c.country);
  const Phone phone = NormalizePhone(c.raw, c.country);
  CHECK(phone.e164 == c.e164);
  CHECK(phone.validity == c.validity);
}

// Parsable but not allocated: E.164 is kept, the number is invalid. The
// FR mobile (06 39 98) and UK mobile (07700 900) fiction ranges are not
// allocated in libphonenumber's metadata.
TEST_CASE("NormalizePhone: numbers outside allocated ranges are invalid",
          "[normalize]") {
  const PhoneCase c = GENERATE(values<PhoneCase>({
      {"06 39 98 12 34", "FR", "+33639981234", Validity::kInvalid},
      {"+33 (0) 6 39 98 12 34", "FR", "+33639981234", Validity::kInvalid},
      {"07700 900123", "GB", "+447700900123", Validity::kInvalid},
      {"555-0123", "US", "+15550123", Validity::kInvalid},       // no area code
      {"01 99 00 12", "FR", "+3301990012", Validity::kInvalid},  // too short
      {"12", "FR", "+3312", Validity::kInvalid},
      {"01 99 00 AB 34", "FR", "+3301990034", Validity::kInvalid},
  }));
  CAPTURE(c.raw, c.country);
  const Phone phone = NormalizePhone(c.raw, c.country);
  CHECK(phone.e164 == c.e164);
  CHECK(phone.validity == c.validity);
}

TEST_CASE("NormalizePhone: unparsable text keeps raw, no E.164, invalid",
          "[normalize]") {
  const PhoneCase c = GENERATE(values<PhoneCase>({
      {"", "FR", "", Validity::kInvalid},
      {"   ", "FR", "", Validity::kInvalid},
      {"n/a", "FR", "", Validity::kInvalid},
      {"abc", "US", "", Validity::kInvalid},
      {"1", "FR", "", Validity::kInvalid},
      {"1 2", "FR", "", Validity::kInvalid},
      {"poste 12", "FR", "", Validity::kInvalid},
      {"+999 1234567", "FR", "", Validity::kInvalid},  // no such code
      {"0199001234", "", "", Validity::kInvalid},      // no country
      {"0199001234", "XX", "", Validity::kInvalid},    // unknown country
      {"01 99 00 12 34 / 01 99 00 12 35", "FR", "", Validity::kInvalid},
      {"123456789012345678901234", "FR", "", Validity::kInvalid},
  }));
  CAPTURE(c.raw, c.country);
  const Phone phone = NormalizePhone(c.raw, c.country);
  CHECK(phone.raw == c.raw);
  CHECK(phone.e164 == c.e164);
  CHECK(phone.validity == c.validity);
}

// The compaction and digit pre-check must not change any result: compare
// with libphonenumber called directly on the raw text.
TEST_CASE("NormalizePhone: same result as libphonenumber on random spellings",
          "[normalize]") {
  using ::i18n::phonenumbers::PhoneNumber;
  using ::i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const unsigned seed = Catch::rngSeed();
  CAPTURE(seed);
  std::mt19937 rng(seed);
  constexpr const char* kCountries[] = {"FR", "US", "GB", "DE"};
  constexpr const char* kPrefixes[] = {"",        "",     "+",   "0",
                                       "00",      "+33",  "(0)", "+1 ",
                                       "+44 (0)", "0049", "1-",  "("};
  constexpr char kSeparators[] = " .-/()";
  for (int case_idx = 0; case_idx < 2000; ++case_idx) {
    std::string raw = kPrefixes[rng() % std::size(kPrefixes)];
    const int digits = static_cast<int>(rng() % 16);
    for (int digit_idx = 0; digit_idx < digits; ++digit_idx) {
      raw.push_back(static_cast<char>('0' + rng() % 10));
      if (rng() % 3 == 0) raw.push_back(kSeparators[rng() % 6]);
    }
    const std::string country = kCountries[rng() % std::size(kCountries)];
    CAPTURE(raw, country);
    PhoneNumber number;
    std::string e164;
    bool valid = false;
    if (util.Parse(raw, country, &number) ==
        PhoneNumberUtil::NO_PARSING_ERROR) {
      util.Format(number, PhoneNumberUtil::E164, &e164);
      valid = util.IsValidNumber(number);
    }
    const Phone phone = NormalizePhone(raw, country);
    REQUIRE(phone.e164 == e164);
    REQUIRE((phone.validity == Validity::kValid) == valid);
  }
}

TEST_CASE("NormalizePhone: idempotent on its own E.164 output", "[normalize]") {
  for (const char* raw : {"01 99 00 12 34", "06 39 98 12 34", "12"}) {
    const Phone first = NormalizePhone(raw, "FR");
    const Phone again = NormalizePhone(first.e164, "US");
    CAPTURE(raw);
    CHECK(again.e164 == first.e164);
    CHECK(again.validity == first.validity);
  }
}

}  // namespace
}  // namespace mdm::normalize
