-- Notices (issue 18): read or unread in the bell, and their copies by e-mail and group robot.
alter table notification add column read_at datetime;
create index ix_notification_unread on notification (recipient_id, read_at);

-- One row per notice and channel, queued in the transaction that sends the notice and sent after it
-- commits; a failed attempt is retried later (next_attempt_at) until max attempts, then FAILED. The
-- in-app notice stays whatever happens here.
create table notice_delivery (
  id               varchar(36)  not null,
  notification_id  varchar(36)  not null,
  channel          varchar(16)  not null,
  target           varchar(320) not null,
  status           varchar(16)  not null,
  attempts         int          not null,
  next_attempt_at  datetime     not null,
  last_error       varchar(500),
  sent_at          datetime,
  constraint pk_notice_delivery primary key (id),
  constraint fk_notice_delivery_notice foreign key (notification_id) references notification (id)
);
create index ix_notice_delivery_due on notice_delivery (status, next_attempt_at);
