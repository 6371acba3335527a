-- SPDX-License-Identifier: Apache-2.0
-- 0006_privacy: the hash-chained audit trail with its erasable payloads,
-- erasure tombstones and suppression keys, restriction and consent set by
-- the privacy officer. Never edit after release. See schemas/README.md.

-- One row per audit event, seq 1, 2, ... without gaps. `hash` is the
-- SHA-256 of prev_hash and every other column (mdm/privacy/audit_chain.h);
-- the first event's prev_hash is 64 zeros.
CREATE TABLE audit_events (
  seq            INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,        -- ISO-8601 UTC
  actor          TEXT NOT NULL,        -- 'run', a steward's or officer's name
  action         TEXT NOT NULL,        -- golden.created, steward.decide, gdpr.erase ...
  golden_ids     TEXT NOT NULL,        -- JSON array
  source_keys    TEXT NOT NULL,        -- JSON array of "source:key"
  run_id         INTEGER NOT NULL,     -- 0 outside a run
  reason         TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL,        -- of salt + payload; '' for an event without payload
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL
) STRICT;

-- The personal part of an event (values before and after), apart from the
-- chain so that erasing it keeps the chain verifiable. The random salt makes
-- the digest left in audit_events say nothing about erased values.
CREATE TABLE audit_payloads (
  seq        INTEGER PRIMARY KEY,      -- audit_events.seq
  salt       TEXT NOT NULL,            -- '' once erased
  payload    TEXT NOT NULL,            -- JSON; '' once erased
  erased_by  INTEGER NOT NULL DEFAULT 0  -- the gdpr.erase event that emptied it
) STRICT;

-- Which golden records an event is about, for `mdm audit log --golden`.
CREATE TABLE audit_subjects (
  golden_id  TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  PRIMARY KEY (golden_id, seq)
) STRICT, WITHOUT ROWID;

-- What is left of an erased person: no personal data.
CREATE TABLE erasures (
  erasure_id   INTEGER PRIMARY KEY,
  golden_id    TEXT NOT NULL,          -- the erased golden record (status 3)
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  reason       TEXT NOT NULL,
  audit_seq    INTEGER NOT NULL,       -- its gdpr.erase event
  counts_json  TEXT NOT NULL           -- what was removed, by kind
) STRICT;

-- HMAC-SHA256 (key outside the store, mdm/privacy/secret_key.h) of the
-- strong keys of every erased person: identifiers, e-mails, phones, name +
-- postcode, source + key. Rows carrying one are suppressed, not loaded.
CREATE TABLE suppressions (
  hmac        TEXT PRIMARY KEY,        -- lower-case hex
  kind        TEXT NOT NULL,           -- identifier, email, phone, name_postcode, source_key
  erasure_id  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Golden records restricted under Art. 18: kept, but left out of MatchOne
-- answers, search and merges until unrestricted.
CREATE TABLE restrictions (
  golden_id  TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  reason     TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Consent or objection set by the privacy officer for a golden record;
-- with the consents sources deliver, the latest per channel and purpose wins.
CREATE TABLE consent_changes (
  change_id  INTEGER PRIMARY KEY,
  golden_id  TEXT NOT NULL,
  channel    TEXT NOT NULL,            -- email, phone, visit
  purpose    TEXT NOT NULL,            -- '' = any purpose
  granted    INTEGER NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  reason     TEXT NOT NULL
) STRICT;
CREATE INDEX consent_changes_by_golden ON consent_changes(golden_id, change_id);

-- The ids merged into a golden record, for erasure and consent (a person's
-- history and choices follow them into the survivor).
CREATE INDEX golden_records_by_merged_into ON golden_records(merged_into)
  WHERE merged_into != '';

-- Runs count suppressed rows beside accepted and rejected ones.
ALTER TABLE source_files ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
