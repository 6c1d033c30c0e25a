-- Incidents (IN-1..IN-10): the report's own facts beside its case in the register, who accepted and
-- handled it, its traffic light (IN-5, product-owned; mirrored into the process variable slaStatus
-- for display only), the result and the reporter's confirmation (IN-8).
create table incident (
  business_key      varchar(32)   not null,
  category          varchar(32)   not null,
  severity          varchar(16)   not null,
  title             varchar(100)  not null,
  description       varchar(2000) not null,
  location          varchar(200)  not null,
  handler_role      varchar(32),
  accepted_by       varchar(64),
  accepted_at       datetime,
  escalated         boolean       not null,
  sla_status        varchar(8)    not null,
  result            varchar(2000),
  handled_by        varchar(64),
  handled_at        datetime,
  handed_to_police  boolean       not null,
  correction_person boolean       not null,
  reopen_count      int           not null,
  reopen_reason     varchar(500),
  satisfied         boolean,
  closed_at         datetime,
  constraint pk_incident primary key (business_key),
  constraint fk_incident_case foreign key (business_key) references biz_case (business_key)
);
create index ix_incident_sla on incident (sla_status);
