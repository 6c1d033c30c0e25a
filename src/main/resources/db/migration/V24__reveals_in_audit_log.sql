-- Issue 15/17: a whole-ID reveal is recorded once, as an entry 'reveal' of the tamper-evident audit
-- log (audit_entry, V21); GET /api/privacy/reveals reads it from there. Since the audit log existed,
-- every reveal was written to both; this table is the duplicate.
drop table personal_data_reveal;
