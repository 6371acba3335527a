// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/handle_spelling.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "matchers/email_similarity.h"

namespace mdm::match {
namespace {

// Shorter spellings ("jm", "dr") would pair unrelated people.
constexpr size_t kMinSpelling = 3;

std::string Squashed(absl::string_view text) {
  std::string out;
  for (char ch : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(ch))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(ch)));
    }
  }
  return out;
}

void Finish(std::vector<std::string>* spellings) {
  std::erase_if(*spellings, [](const std::string& s) { return s.size() < kMinSpelling; });
  std::sort(spellings->begin(), spellings->end());
  spellings->erase(std::unique(spellings->begin(), spellings->end()), spellings->end());
}

}  // namespace

std::vector<std::string> HandleSpellings(const std::vector<std::string>& handles) {
  std::vector<std::string> out;
  for (const std::string& h : handles) {
    const std::string handle = Squashed(h);
    for (const std::string& form :
         {handle, absl::StartsWith(handle, "dr") ? handle.substr(2) : handle}) {
      out.push_back(form);
      std::string trimmed = form;
      while (!trimmed.empty() && absl::ascii_isdigit(static_cast<unsigned char>(trimmed.back()))) {
        trimmed.pop_back();
      }
      out.push_back(std::move(trimmed));
    }
  }
  Finish(&out);
  return out;
}

std::vector<std::string> ContactSpellings(const std::vector<std::string>& emails,
                                          absl::string_view given,
                                          absl::string_view family_name) {
  std::vector<std::string> out;
  for (const std::string& e : emails) out.push_back(Squashed(matchers::SplitEmail(e).local));
  const std::string family = Squashed(family_name);
  if (!given.empty() && !family.empty()) {
    const std::string first_given = Squashed(given.substr(0, given.find(' ')));
    for (const std::string& g : {Squashed(given), first_given}) {
      out.push_back(g + family);
      out.push_back(family + g);
      out.push_back(g.substr(0, 1) + family);
      out.push_back(family + g.substr(0, 1));
    }
  }
  Finish(&out);
  return out;
}

bool SpellingHoldsGiven(absl::string_view spelling, absl::string_view given,
                        absl::string_view family_name) {
  const std::string first_given = Squashed(given.substr(0, given.find(' ')));
  if (first_given.size() <= 1) return true;
  // "marchandm" starts with "marc" but holds only Marc Marchand's initial.
  const std::string family = Squashed(family_name);
  const std::string initial = first_given.substr(0, 1);
  if (spelling == initial + family || spelling == family + initial) return false;
  return absl::StartsWith(spelling, first_given) || absl::EndsWith(spelling, first_given);
}

}  // namespace mdm::match
