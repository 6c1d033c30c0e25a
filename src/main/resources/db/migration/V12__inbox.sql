-- Issue 10, inbox operations: 抄送 (CC). One row per person a task's holder copied a case to; the
-- person may then see the case and lists it under 抄送我的 (GET /api/cc). Written only by the product.
create table case_cc (
  id             bigint        not null auto_increment,
  business_key   varchar(32)   not null,
  task_id        varchar(64),
  task_name      varchar(200),
  recipient_id   varchar(64)   not null,
  sender_id      varchar(64)   not null,
  sender_name    varchar(100)  not null,
  note           varchar(1000),
  created_at     datetime      not null,
  read_at        datetime,
  constraint pk_case_cc primary key (id),
  constraint fk_case_cc_case foreign key (business_key) references biz_case (business_key)
);
create index ix_case_cc_recipient on case_cc (recipient_id, created_at);
create index ix_case_cc_case on case_cc (business_key, recipient_id);
-- The last urge of a case is read from the timeline (催办 at most once an hour).
create index ix_case_event_action on case_event (business_key, action, occurred_at);
