-- Issue 15: every whole identity number shown to someone (RevealLog.record): who, when, on which
-- surface (residents, certificates, sheet), for which case or resident. Read by administrators only.
create table personal_data_reveal (
  id            bigint       not null auto_increment,
  revealed_at   datetime     not null,
  user_id       varchar(64)  not null,
  user_name     varchar(100),
  surface       varchar(30)  not null,
  business_key  varchar(40),
  resident_id   bigint,
  primary key (id)
);

create index ix_personal_data_reveal_at on personal_data_reveal (revealed_at);
