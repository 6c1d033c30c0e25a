-- The leave ledger (LV-6): every request, its status and every approver's decision.
create table leave_request (
  business_key         varchar(32)   not null,
  process_instance_id  varchar(64)   not null,
  applicant_id         varchar(64)   not null,
  applicant_name       varchar(100)  not null,
  applicant_role       varchar(16)   not null,
  community_id         varchar(64)   not null,
  community_name       varchar(100)  not null,
  leave_type           varchar(16)   not null,
  start_date           date          not null,
  end_date             date          not null,
  days                 decimal(5, 1) not null,
  reason               varchar(500)  not null,
  status               varchar(16)   not null,
  submissions          int           not null,
  submitted_at         datetime      not null,
  decided_at           datetime,
  report_back_due      date,
  returned_on          date,
  cover_person         varchar(100),
  constraint pk_leave_request primary key (business_key)
);
create index ix_leave_request_community on leave_request (community_id, submitted_at);
create index ix_leave_request_status on leave_request (status);

create table leave_decision (
  id             varchar(36)   not null,
  business_key   varchar(32)   not null,
  submission     int           not null,
  step           int           not null,
  approver_id    varchar(64)   not null,
  approver_name  varchar(100)  not null,
  approver_role  varchar(32)   not null,
  approved       boolean       not null,
  comment        varchar(1000),
  decided_at     datetime      not null,
  constraint pk_leave_decision primary key (id),
  constraint fk_leave_decision_request foreign key (business_key) references leave_request (business_key)
);
create index ix_leave_decision_request on leave_decision (business_key);
