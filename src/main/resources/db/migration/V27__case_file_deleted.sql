-- Attachments deleted by their uploader (issue 19 review): a soft delete. The row and the bytes stay
-- (the timeline and the audit log say who removed what, and when); nobody lists or downloads the file
-- any more, and it no longer counts toward max-per-case nor the required attachments.
alter table case_file add column deleted_at datetime;
alter table case_file add column deleted_by varchar(64);
