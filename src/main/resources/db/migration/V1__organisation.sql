-- Organisation (ORG-1..ORG-5): units, people and the roles they hold at a unit.
create table org_unit (
  id          varchar(64)  not null,
  name        varchar(100) not null,
  unit_level  varchar(16)  not null,
  parent_id   varchar(64),
  constraint pk_org_unit primary key (id),
  constraint fk_org_unit_parent foreign key (parent_id) references org_unit (id)
);

create table org_person (
  user_id  varchar(64)  not null,
  name     varchar(100) not null,
  unit_id  varchar(64)  not null,
  constraint pk_org_person primary key (user_id),
  constraint fk_org_person_unit foreign key (unit_id) references org_unit (id)
);

create table org_role_assignment (
  user_id  varchar(64) not null,
  role     varchar(32) not null,
  unit_id  varchar(64) not null,
  constraint pk_org_role_assignment primary key (user_id, role, unit_id),
  constraint fk_org_role_person foreign key (user_id) references org_person (user_id),
  constraint fk_org_role_unit foreign key (unit_id) references org_unit (id)
);
create index ix_org_role_unit on org_role_assignment (role, unit_id);

-- Human-readable business keys (LV-2026-000001): one counter per prefix and year.
create table biz_key_sequence (
  prefix      varchar(8) not null,
  seq_year    int        not null,
  last_value  bigint     not null,
  constraint pk_biz_key_sequence primary key (prefix, seq_year)
);

-- Notices for people (approval results, overdue report-back), shown by /api/notifications.
create table notification (
  id            varchar(36)  not null,
  recipient_id  varchar(64)  not null,
  business_key  varchar(32),
  message       varchar(500) not null,
  created_at    datetime     not null,
  constraint pk_notification primary key (id)
);
create index ix_notification_recipient on notification (recipient_id, created_at);
