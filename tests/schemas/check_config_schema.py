#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks schemas/json/mdm_config.schema.json against real configs.

Every YAML file named on the command line must validate; a table of broken
configs must not. Run by ctest with Debian's python3-jsonschema and
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
    checked = len(configs) + len(BROKEN)
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
