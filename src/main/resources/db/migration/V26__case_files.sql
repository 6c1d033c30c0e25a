-- Attachments (issue 19): files belong to a case. One row per file added by the filer or the holder of
-- a task; the bytes are kept by the configured store (shequ.files.store): in file_blob (the database
-- store, the default), in a directory, or later an object store, under storage_key.
create table case_file (
  id                bigint        not null auto_increment,
  business_key      varchar(32)   not null,
  task_id           varchar(64),
  task_name         varchar(200),
  kind              varchar(32)   not null,
  file_name         varchar(510)  not null, -- at most 255 code points (H2 counts UTF-16 units)
  content_type      varchar(100)  not null,
  size_bytes        bigint        not null,
  sha256            varchar(64)   not null,
  storage           varchar(16)   not null,
  storage_key       varchar(64)   not null,
  thumbnail_key     varchar(64),
  latitude          decimal(9,6),
  longitude         decimal(9,6),
  uploaded_by       varchar(64)   not null,
  uploaded_by_name  varchar(100)  not null,
  uploaded_at       datetime      not null,
  constraint pk_case_file primary key (id),
  constraint fk_case_file_case foreign key (business_key) references biz_case (business_key)
);
create index ix_case_file_case on case_file (business_key, kind);

-- The database store's bytes (LONGBLOB: MariaDB/MySQL's BLOB holds only 64 KB; H2 reads it as BLOB).
create table file_blob (
  storage_key  varchar(64)  not null,
  content      longblob     not null,
  constraint pk_file_blob primary key (storage_key)
);
