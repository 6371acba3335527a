#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks schemas/json/mdm_config.schema.json against real configs.

Every YAML file named on the command line must validate, and so must a table
of valid matching and survivorship sections; a table of broken configs must
not. The matching and survivorship cases mirror what
mdm/config/matching_reader.cc and mdm/config/survivorship_reader.cc accept
and refuse. Run by ctest with Debian's python3-jsonschema and
python3-yaml (installed by tools/install_deps.sh --with-test-tools).
"""
import json
import sys

import jsonschema
import yaml

BROKEN = {
    "unknown top-level key": {"version": 1, "sources": [], "matchin": {}},
    "wrong version": {"version": 2, "sources": []},
    "unknown source type": {"version": 1, "sources": [
        {"name": "a", "type": "crm", "files": "a.csv", "mapping": {"k": "source_key"}}]},
    "unknown canonical field": {"version": 1, "sources": [
        {"name": "a", "type": "rep", "files": "a.csv", "mapping": {"k": "surname"}}]},
    "address group 1 does not exist": {"version": 1, "sources": [
        {"name": "a", "type": "rep", "files": "a.csv", "mapping": {"k": "address1.city"}}]},
    "two-character delimiter": {"version": 1, "sources": [
        {"name": "a", "type": "rep", "files": "a.csv", "delimiter": ";;",
         "mapping": {"k": "source_key"}}]},
    "lower-case country": {"version": 1, "sources": [
        {"name": "a", "type": "rep", "files": "a.csv", "default_country": "fr",
         "mapping": {"k": "source_key"}}]},
    "trust above 1": {"version": 1, "sources": [
        {"name": "a", "type": "rep", "files": "a.csv", "trust": 1.5,
         "mapping": {"k": "source_key"}}]},
    "missing mapping": {"version": 1, "sources": [{"name": "a", "type": "rep", "files": "a.csv"}]},
}

# A source every matching case below shares.
SOURCE = {"name": "a", "type": "rep", "files": "a.csv", "mapping": {"k": "source_key"}}


def with_matching(matching):
    return {"version": 1, "sources": [SOURCE], "matching": matching}


def one_comparison(field, levels, **extra):
    return with_matching({"comparisons": [dict(name="c", field=field, levels=levels, **extra)]})


def one_rule(*keys):
    return with_matching({"blocking": {"rules": [{"name": "r", "keys": list(keys)}]}})


# Matching sections mdm/config/matching_reader.cc refuses.
BROKEN.update({
    "matching: unknown key": with_matching({"blockng": {}}),
    "matching: not a mapping": with_matching([]),
    "matching: unknown comparison field": one_comparison("surname", ["exact"]),
    "matching: unknown level": one_comparison("given_name", ["soundex"]),
    "matching: nickname on family_name": one_comparison("family_name", ["nickname"]),
    "matching: swapped on given_name": one_comparison("given_name", ["swapped"]),
    "matching: exact on address": one_comparison("address", ["exact"]),
    "matching: same_year on given_name": one_comparison("given_name", ["same_year"]),
    "matching: within_days on family_name": one_comparison("family_name", [{"within_days": 30}]),
    "matching: jaro_winkler without its number": one_comparison("given_name", ["jaro_winkler"]),
    "matching: a number on exact": one_comparison("given_name", [{"exact": 1}]),
    "matching: jaro_winkler above 1": one_comparison("given_name", [{"jaro_winkler": 1.5}]),
    "matching: jaro_winkler at 0": one_comparison("given_name", [{"jaro_winkler": 0}]),
    "matching: damerau distance 1.5": one_comparison("phone", [{"damerau": 1.5}]),
    "matching: levenshtein distance 11": one_comparison("phone", [{"levenshtein": 11}]),
    "matching: level with two keys": one_comparison("given_name", [{"jaro": 0.9, "jaro_winkler": 0.9}]),
    "matching: schemes on a name": one_comparison("given_name", ["exact"], schemes=["rpps"]),
    "matching: unknown scheme": one_comparison("identifier", ["exact"], schemes=["siret"]),
    "matching: empty schemes": one_comparison("identifier", ["exact"], schemes=[]),
    "matching: term_frequency not a boolean": one_comparison("email", ["exact"], term_frequency="often"),
    "matching: comparison without levels": with_matching({"comparisons": [{"name": "c", "field": "email"}]}),
    "matching: empty levels": one_comparison("email", []),
    "matching: 15 levels": one_comparison("given_name", [{"prefix": n} for n in range(1, 16)]),
    "matching: 17 comparisons": with_matching({"comparisons": [
        {"name": f"c{i}", "field": "email", "levels": ["exact"]} for i in range(17)]}),
    "matching: empty comparisons": with_matching({"comparisons": []}),
    "matching: unknown blocking key field": one_rule("surname"),
    "matching: unknown transform": one_rule("family_name.soundex"),
    "matching: address as a blocking key": one_rule("address"),
    "matching: phonetic on email": one_rule("email.phonetic"),
    "matching: spelling on a name": one_rule("family_name.spelling"),
    "matching: year on a name": one_rule("given_name.year"),
    "matching: local_part on a phone": one_rule("phone.local_part"),
    "matching: prefix0": one_rule("postcode.prefix0"),
    "matching: prefix33": one_rule("postcode.prefix33"),
    "matching: name_pair with a transform": one_rule("name_pair.initial"),
    "matching: rule without keys": with_matching({"blocking": {"rules": [{"name": "r"}]}}),
    "matching: rule with empty keys": one_rule(),
    "matching: rule without a name": with_matching({"blocking": {"rules": [{"keys": ["email"]}]}}),
    "matching: empty rules": with_matching({"blocking": {"rules": []}}),
    "matching: max_block_size 1": with_matching({"blocking": {"max_block_size": 1}}),
    "matching: auto_merge below 0.5": with_matching({"decision": {"auto_merge": 0.4}}),
    "matching: review above 1": with_matching({"decision": {"review": 1.2}}),
    "matching: auto_merge of 1": with_matching({"decision": {"auto_merge": 1}}),
    "matching: unknown decision key": with_matching({"decision": {"merge": 0.9}}),
    "matching: tolerance 0": with_matching({"training": {"tolerance": 0}}),
    "matching: max_iterations 10.5": with_matching({"training": {"max_iterations": 10.5}}),
    "matching: u_sample_pairs below 1000": with_matching({"training": {"u_sample_pairs": 999}}),
    "matching: negative seed": with_matching({"training": {"seed": -1}}),
    "matching: unknown cannot-link scheme": with_matching({"cannot_link_schemes": ["siren"]}),
})



def with_survivorship(survivorship):
    return {"version": 1, "sources": [SOURCE], "survivorship": survivorship}


# Survivorship sections mdm/config/survivorship_reader.cc refuses.
BROKEN.update({
    "survivorship: not a mapping": with_survivorship(["rep"]),
    "survivorship: unknown key": with_survivorship({"source_priorty": ["rep"]}),
    "survivorship: empty source_priority": with_survivorship({"source_priority": []}),
    "survivorship: source_priority not a list": with_survivorship({"source_priority": "rep"}),
    "survivorship: source_priority entry listed twice": with_survivorship(
        {"source_priority": ["rep", "a", "rep"]}),
    "survivorship: empty source_priority entry": with_survivorship({"source_priority": ["rep", ""]}),
    "survivorship: half-life 0": with_survivorship({"trust_half_life_days": 0}),
    "survivorship: half-life above 100 years": with_survivorship({"trust_half_life_days": 36501}),
    "survivorship: half-life not a number": with_survivorship({"trust_half_life_days": "1y"}),
    "survivorship: attributes not a mapping": with_survivorship({"attributes": ["name"]}),
    "survivorship: unknown attribute": with_survivorship({"attributes": {"nom": ["most_recent"]}}),
    "survivorship: singular attribute name": with_survivorship(
        {"attributes": {"phone": ["most_recent"]}}),
    "survivorship: unknown policy": with_survivorship({"attributes": {"name": ["newest"]}}),
    "survivorship: policy listed twice": with_survivorship(
        {"attributes": {"gender": ["most_recent", "most_frequent", "most_recent"]}}),
    "survivorship: empty policy list": with_survivorship({"attributes": {"gender": []}}),
    "survivorship: policy not in a list": with_survivorship({"attributes": {"gender": "most_recent"}}),
})

# Matching sections the reader accepts: the schema must accept them too.
VALID = {
    "matching: empty section keeps every default": with_matching({}),
    "matching: decision bands only": with_matching({"decision": {"auto_merge": 0.95, "review": 0.6}}),
    "matching: no cannot-link scheme": with_matching({"cannot_link_schemes": []}),
    "matching: every blocking key form": with_matching({"blocking": {"max_block_size": 2, "rules": [
        {"name": "r1", "keys": ["name_pair"]},
        {"name": "r2", "keys": ["given_name.phonetic", "family_name.initial", "birth_date.year"]},
        {"name": "r3", "keys": ["email.local_part", "social_handle.spelling"], "max_block_size": 100},
        {"name": "r4", "keys": ["postcode.prefix1", "identifier.prefix32", "city", "street",
                                "gender", "phone", "specialty", "affiliation", "identifier"]}]}}),
    "matching: every level on a field it fits": with_matching({"comparisons": [
        {"name": "given", "field": "given_name", "term_frequency": True,
         "levels": ["exact", "nickname", "phonetic", "initials", {"jaro_winkler": 0.9},
                    {"jaro": 0.8}, {"levenshtein": 2}, {"damerau": 1}, {"jaccard": 0.5},
                    {"token_set": 0.01}, {"prefix": 32}]},
        {"name": "family", "field": "family_name",
         "levels": ["exact", "swapped", "maiden", "handle_like", "phonetic", "initials"]},
        {"name": "born", "field": "birth_date",
         "levels": ["exact", "date_typo", {"within_days": 36500}, "same_year"]},
        {"name": "email", "field": "email", "levels": ["exact", "local_part"]},
        {"name": "id", "field": "identifier", "hard": True, "schemes": ["rpps", "npi"],
         "levels": ["exact_valid", "exact", {"damerau": 10}]},
        {"name": "place", "field": "address",
         "levels": ["same_street", "same_postcode", "same_city", {"prefix": 2}]},
        {"name": "handle", "field": "social_handle", "hard": False, "levels": ["exact"]},
        {"name": "org", "field": "affiliation", "levels": [{"token_set": 1}]}]}),
    "matching: 16 comparisons of 14 levels": with_matching({"comparisons": [
        {"name": f"c{i}", "field": "phone", "levels": [{"prefix": n} for n in range(1, 15)]}
        for i in range(16)]}),
    "matching: training bounds": with_matching({"training": {
        "max_iterations": 10000, "tolerance": 1e-12, "u_sample_pairs": 1000,
        "max_candidate_pairs": 1000000000, "seed": 0}}),
    "survivorship: empty section keeps every default": with_survivorship({}),
    "survivorship: the README example": with_survivorship({
        "source_priority": ["a", "rep", "msl"], "trust_half_life_days": 365,
        "attributes": {"name": ["source_priority", "most_recent"],
                       "identifiers": ["validated", "source_priority"]}}),
    "survivorship: the shortest half-life": with_survivorship(
        {"trust_half_life_days": 1, "source_priority": ["social"]}),
    "survivorship: a hundred-year half-life": with_survivorship({"trust_half_life_days": 36500}),
    "survivorship: a fractional half-life": with_survivorship({"trust_half_life_days": 182.5}),
    "survivorship: every attribute with every policy": with_survivorship({"attributes": {
        attribute: ["source_priority", "most_recent", "most_frequent", "most_complete",
                    "trust_decay", "validated"]
        for attribute in ["name", "gender", "birth_date", "language", "identifiers", "addresses",
                          "phones", "emails", "specialties", "affiliations", "social_handles"]}}),
}


def main(argv):
    schema_path, configs = argv[1], argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for path in configs:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for error in errors:
            print(f"FAIL {path}: {list(error.path)}: {error.message}")
        failures += len(errors)
    for name, doc in BROKEN.items():
        if validator.is_valid(doc):
            print(f"FAIL broken config accepted by the schema: {name}")
            failures += 1
    for name, doc in VALID.items():
        for error in validator.iter_errors(doc):
            print(f"FAIL valid config refused by the schema: {name}: "
                  f"{list(error.path)}: {error.message}")
            failures += 1
            break
    checked = len(configs) + len(BROKEN) + len(VALID)
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
