// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/handle_spelling.h
//
// Social handles are usually a person's name or e-mail local part run
// together: "@isabelle_gilbert", "@drjgarnier", "@andre_bernard3". A
// handle's spellings are its letters and digits in lower case, also without
// a leading "dr" and without trailing digits; a record's contact spellings
// are its e-mail local parts and its name run together in the usual orders
// (given family, family given, initial family, family initial), each with
// the first given name alone too. A handle and a record without one agree
// when a spelling of one equals a spelling of the other. The FeatureTable
// keeps both lists per row; the handle_like comparison level and the
// social_handle.spelling blocking key read them. A spelling that holds the
// given name in full ("jeannegarnier") is stronger evidence than one that
// holds only its initial ("jgarnier"): the handle_like and handle_initial
// levels tell them apart.
#ifndef MDM_MATCH_HANDLE_SPELLING_H_
#define MDM_MATCH_HANDLE_SPELLING_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mdm::match {

// Spellings of every handle (folded keys), sorted, distinct.
std::vector<std::string> HandleSpellings(const std::vector<std::string>& handles);

// Spellings of the e-mails and of the name (folded keys), at least three
// characters each, sorted, distinct.
std::vector<std::string> ContactSpellings(const std::vector<std::string>& emails,
                                          absl::string_view given, absl::string_view family);

// SpellingHoldsGiven()
//
// True when `spelling`, a contact spelling of a record named `given`
// `family`, holds the record's first given name in full: "jeannegarnier"
// and "garnierjeanne" for Jeanne Garnier, not "jgarnier" or "garnierj"; an
// e-mail spelling when it starts or ends with the given name. A one-letter
// or empty given name is held by every spelling (there is no more to it).
bool SpellingHoldsGiven(absl::string_view spelling, absl::string_view given,
                        absl::string_view family);

}  // namespace mdm::match

#endif  // MDM_MATCH_HANDLE_SPELLING_H_
