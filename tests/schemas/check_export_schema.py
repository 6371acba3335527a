#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks schemas/json/subject_access_export.schema.json against real exports.

Runs the mdm binary on a copy of data-samples/: init, run, export the person
with the most records (with a consent and a restriction set, so those parts
are not empty), then erase them and export the tombstone. Both documents must
validate, and the second must hold none of the first one's e-mails.
Usage: check_export_schema.py MDM_BINARY SCHEMA DATA_SAMPLES_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema


def mdm(binary, work, *args):
    result = subprocess.run([binary, *args, "--db", os.path.join(work, "s.db")],
                            cwd=work, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"mdm {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def main():
    binary, schema_path, samples = sys.argv[1:4]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    with tempfile.TemporaryDirectory() as work:
        shutil.copytree(samples, os.path.join(work, "data-samples"))
        mdm(binary, work, "init")
        mdm(binary, work, "run", "--config", "data-samples/mdm.yaml")
        events = json.loads(mdm(binary, work, "audit", "log", "--limit", "100000", "--json"))
        created = [e for e in events if e["action"] == "golden.created"]
        person = max(created, key=lambda e: len(e["source_keys"]))["golden_ids"][0]
        who = ["--reason", "schema check", "--officer", "dpo1"]
        mdm(binary, work, "gdpr", "consent", person, "--channel", "email", "--withdraw", *who)
        mdm(binary, work, "gdpr", "restrict", person, *who)
        live = json.loads(mdm(binary, work, "gdpr", "export", "--golden", person, *who))
        mdm(binary, work, "gdpr", "erase", "--golden", person, *who)
        erased = json.loads(mdm(binary, work, "gdpr", "export", "--golden", person, *who))
    failures = 0
    for name, doc in (("live", live), ("erased", erased)):
        for error in validator.iter_errors(doc):
            print(f"{name} export: {error.json_path}: {error.message}")
            failures += 1
    if not live["source_records"] or not live["consent"] or not live["restricted"]:
        print("live export: source records, consent or restriction missing")
        failures += 1
    emails = {e["value"]["normalized"] for e in live["golden_record"].get("emails", [])}
    text = json.dumps(erased, ensure_ascii=False)
    for email in emails:
        if email in text:
            print("erased export still holds an erased e-mail")
            failures += 1
    if not emails or erased["golden_record"]["status"] != "erased":
        print("erased export: not a tombstone, or the person had no e-mail to check")
        failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
