// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/name_lexicon.h"

#include <string>

#include <unicode/uchar.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "mdm/base/utf8.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::normalize {
namespace {

// How a token must be spelt to be the word.
enum class Spelling : uint8_t {
  kAny,
  kCapitals,   // no lower-case letter: "DO", "D.O."
  kWithDot,    // a dot somewhere: "M."
  kLowerCase,  // no capital letter: "y", "born", "med"
};

struct Spec {
  absl::string_view key;  // folded form, see FoldToken()
  NameWordKind kind;
  absl::string_view canonical;
  Spelling spelling = Spelling::kAny;
};

using K = NameWordKind;
constexpr Spelling kCaps = Spelling::kCapitals;
constexpr Spelling kLower = Spelling::kLowerCase;

// Two entries a line keep the table short enough to review.
// clang-format off
constexpr Spec kSpecs[] = {
    // Titles.
    {"dr", K::kTitle, "Dr"}, {"docteur", K::kTitle, "Dr"},
    {"docteure", K::kTitle, "Dr"}, {"doctor", K::kTitle, "Dr"},
    {"dre", K::kTitle, "Dr"}, {"drmed", K::kTitle, "Dr med"},
    {"pr", K::kTitle, "Pr"}, {"prof", K::kTitle, "Pr"},
    {"professeur", K::kTitle, "Pr"}, {"professeure", K::kTitle, "Pr"},
    {"professor", K::kTitle, "Pr"}, {"m", K::kTitle, "M", Spelling::kWithDot},
    {"monsieur", K::kTitle, "M"}, {"mme", K::kTitle, "Mme"},
    {"madame", K::kTitle, "Mme"}, {"mlle", K::kTitle, "Mlle"},
    {"mademoiselle", K::kTitle, "Mlle"}, {"mr", K::kTitle, "Mr"},
    {"mister", K::kTitle, "Mr"}, {"mrs", K::kTitle, "Mrs"},
    {"ms", K::kTitle, "Ms"}, {"miss", K::kTitle, "Miss"},
    // German doctorates: "Dr. med.", "Dr. rer. nat.".
    {"med", K::kDoctorQualifier, "med", kLower},
    {"dent", K::kDoctorQualifier, "dent", kLower},
    {"vet", K::kDoctorQualifier, "vet", kLower},
    {"rer", K::kDoctorQualifier, "rer", kLower},
    {"nat", K::kDoctorQualifier, "nat", kLower},
    {"phil", K::kDoctorQualifier, "phil", kLower},
    {"jur", K::kDoctorQualifier, "jur", kLower},
    {"habil", K::kDoctorQualifier, "habil", kLower},
    // Credentials.
    {"md", K::kCredential, "MD", kCaps}, {"do", K::kCredential, "DO", kCaps},
    {"od", K::kCredential, "OD", kCaps}, {"pa", K::kCredential, "PA", kCaps},
    {"rn", K::kCredential, "RN", kCaps}, {"np", K::kCredential, "NP", kCaps},
    {"ide", K::kCredential, "IDE", kCaps},
    {"pharmd", K::kCredential, "PharmD"}, {"phd", K::kCredential, "PhD"},
    {"dds", K::kCredential, "DDS"}, {"dmd", K::kCredential, "DMD"},
    {"mbbs", K::kCredential, "MBBS"}, {"mbchb", K::kCredential, "MBChB"},
    {"frcp", K::kCredential, "FRCP"}, {"frcs", K::kCredential, "FRCS"},
    {"facc", K::kCredential, "FACC"}, {"facp", K::kCredential, "FACP"},
    {"facs", K::kCredential, "FACS"}, {"faap", K::kCredential, "FAAP"},
    {"facog", K::kCredential, "FACOG"}, {"mph", K::kCredential, "MPH"},
    {"msc", K::kCredential, "MSc"}, {"dpm", K::kCredential, "DPM"},
    {"dnp", K::kCredential, "DNP"}, {"crna", K::kCredential, "CRNA"},
    {"aprn", K::kCredential, "APRN"}, {"dvm", K::kCredential, "DVM"},
    {"rph", K::kCredential, "RPh"}, {"bsn", K::kCredential, "BSN"},
    {"msn", K::kCredential, "MSN"},
    // Generational suffixes.
    {"jr", K::kGenerational, "Jr"}, {"jnr", K::kGenerational, "Jr"},
    {"sr", K::kGenerational, "Sr"}, {"snr", K::kGenerational, "Sr"},
    {"ii", K::kGenerational, "II"}, {"iii", K::kGenerational, "III"},
    {"iv", K::kGenerational, "IV"},
    // Family-name particles.
    {"de", K::kParticle, ""}, {"du", K::kParticle, ""},
    {"des", K::kParticle, ""}, {"d'", K::kParticle, ""},
    {"le", K::kParticle, ""}, {"la", K::kParticle, ""},
    {"l'", K::kParticle, ""}, {"van", K::kParticle, ""},
    {"von", K::kParticle, ""}, {"der", K::kParticle, ""},
    {"den", K::kParticle, ""}, {"da", K::kParticle, ""},
    {"di", K::kParticle, ""}, {"del", K::kParticle, ""},
    {"della", K::kParticle, ""}, {"dello", K::kParticle, ""},
    {"dei", K::kParticle, ""}, {"dos", K::kParticle, ""},
    {"das", K::kParticle, ""}, {"ten", K::kParticle, ""},
    {"ter", K::kParticle, ""}, {"zu", K::kParticle, ""},
    {"zur", K::kParticle, ""}, {"vom", K::kParticle, ""},
    {"bin", K::kParticle, ""}, {"bint", K::kParticle, ""},
    {"ibn", K::kParticle, ""}, {"al", K::kParticle, ""},
    {"al-", K::kParticle, ""}, {"el", K::kParticle, ""},
    {"el-", K::kParticle, ""},
    {"y", K::kConnector, "", kLower},
    // Birth and married names.
    {"nee", K::kBirthNameMarker, ""}, {"geb", K::kBirthNameMarker, ""},
    {"geborene", K::kBirthNameMarker, ""},
    {"born", K::kBirthNameMarker, "", kLower},
    {"epouse", K::kMarriedNameMarker, ""}, {"ep", K::kMarriedNameMarker, ""},
    {"veuve", K::kMarriedNameMarker, ""}, {"vve", K::kMarriedNameMarker, ""},
};
// clang-format on

struct Entry {
  NameWord word;
  Spelling spelling;
};

const absl::flat_hash_map<absl::string_view, Entry>& Lexicon() {
  static const auto* const lexicon = [] {
    auto* map = new absl::flat_hash_map<absl::string_view, Entry>();
    for (const Spec& spec : kSpecs) {
      const bool also_a_name =
          spec.kind == K::kCredential && spec.spelling == kCaps;
      map->emplace(spec.key, Entry{{spec.kind, spec.canonical, also_a_name},
                                   spec.spelling});
    }
    return map;
  }();
  return *lexicon;
}

// The longest key ("mademoiselle"); longer tokens are rejected unhashed.
constexpr size_t kMaxKeyBytes = 12;

constexpr bool KeysFit() {
  for (const Spec& spec : kSpecs) {
    if (spec.key.size() > kMaxKeyBytes) return false;
  }
  return true;
}
static_assert(KeysFit(), "raise kMaxKeyBytes to the longest key");

// A token's lookup key and what the spelling rules need to know about it.
class FoldedToken {
 public:
  // Folds `token`; false when it cannot be a lexicon word (too long, or a
  // character other than a letter, digit, dot, apostrophe or hyphen).
  bool Fold(absl::string_view token) {
    for (size_t pos = 0; pos < token.size();) {
      const auto c = static_cast<unsigned char>(token[pos]);
      if (c < 0x80) {
        ++pos;
        if (!AddAscii(c)) return false;
      } else if (!AddNonAscii(token, &pos)) {
        return false;
      }
    }
    return size_ > 0;
  }

  absl::string_view key() const { return absl::string_view(key_, size_); }

  bool Matches(Spelling spelling) const {
    switch (spelling) {
      case Spelling::kAny:
        return true;
      case Spelling::kCapitals:
        return !has_lower_;
      case Spelling::kWithDot:
        return has_dot_;
      case Spelling::kLowerCase:
        return !has_upper_;
    }
    return false;
  }

 private:
  bool Append(absl::string_view bytes) {
    if (size_ + bytes.size() > kMaxKeyBytes) return false;
    for (char b : bytes) key_[size_++] = b;
    return true;
  }

  bool Push(char c) {
    if (size_ == kMaxKeyBytes) return false;
    key_[size_++] = c;
    return true;
  }

  bool AddAscii(unsigned char c) {
    if (absl::ascii_isalpha(c)) {
      has_lower_ |= absl::ascii_islower(c);
      has_upper_ |= absl::ascii_isupper(c);
      return Push(absl::ascii_tolower(c));
    }
    if (c == '.') {
      has_dot_ = true;
      return true;
    }
    const bool kept = absl::ascii_isdigit(c) || c == '\'' || c == '-';
    return kept && Push(static_cast<char>(c));
  }

  bool AddNonAscii(absl::string_view token, size_t* pos) {
    const size_t start = *pos;
    const char32_t cp = base::DecodeUtf8(token, pos);
    if (cp == 0x2019 || cp == 0x02BC || cp == 0x2018) return Push('\'');
    if (cp == 0x2010 || cp == 0x2011) return Push('-');
    if (!u_isalpha(static_cast<UChar32>(cp))) return false;
    has_lower_ |= u_islower(static_cast<UChar32>(cp)) != 0;
    has_upper_ |= u_isupper(static_cast<UChar32>(cp)) != 0;
    return Append(FoldKey(token.substr(start, *pos - start)));
  }

  char key_[kMaxKeyBytes];
  size_t size_ = 0;
  bool has_lower_ = false;
  bool has_upper_ = false;
  bool has_dot_ = false;
};

}  // namespace

const NameWord* FindNameWord(absl::string_view token) {
  FoldedToken folded;
  if (!folded.Fold(token)) return nullptr;
  const auto& lexicon = Lexicon();
  const auto it = lexicon.find(folded.key());
  if (it == lexicon.end() || !folded.Matches(it->second.spelling)) {
    return nullptr;
  }
  return &it->second.word;
}

}  // namespace mdm::normalize
