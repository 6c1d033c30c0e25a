-- Attachments whose bytes were removed from the store while the row stays (issue 19, retention): the
-- bytes of a file its uploader deleted are purged by the nightly file retention (CaseFileRetention)
-- once shequ.files.deleted-retention has passed; the row keeps what the timeline names until the
-- case's history is cleaned, and then goes with the case's other files.
alter table case_file add column purged_at datetime;
