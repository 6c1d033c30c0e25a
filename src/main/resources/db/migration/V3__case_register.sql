-- The approval platform: one case register for every process family, the approval chain with each
-- approver's decision, the case timeline and the deadlines of a case. Written only by the product.

create table biz_case (
  business_key         varchar(32)  not null,
  family               varchar(32)  not null,
  process_instance_id  varchar(64)  not null,
  applicant_id         varchar(64)  not null,
  applicant_name       varchar(100) not null,
  applicant_role       varchar(32)  not null,
  community_id         varchar(64),
  community_name       varchar(100),
  subject              varchar(200) not null,
  status               varchar(32)  not null,
  submission           int          not null,
  created_at           datetime     not null,
  updated_at           datetime     not null,
  closed_at            datetime,
  constraint pk_biz_case primary key (business_key)
);
create index ix_biz_case_family on biz_case (family, community_id, created_at);
create index ix_biz_case_instance on biz_case (process_instance_id);
create index ix_biz_case_applicant on biz_case (applicant_id, created_at);

-- The approval chain of each submission: one row per approver position, in step order; rows with
-- the same step number are decided in parallel. The decision is written onto the row.
create table approval_step (
  id               varchar(36)   not null,
  business_key     varchar(32)   not null,
  submission       int           not null,
  step_no          int           not null,
  approver_role    varchar(32)   not null,
  unit_id          varchar(64),
  candidate_group  varchar(128),
  state            varchar(16)   not null,
  task_id          varchar(64),
  decided_by       varchar(64),
  decided_by_name  varchar(100),
  approved         boolean,
  comment          varchar(1000),
  decided_at       datetime,
  constraint pk_approval_step primary key (id),
  constraint fk_approval_step_case foreign key (business_key) references biz_case (business_key)
);
create index ix_approval_step_case on approval_step (business_key, submission, step_no);

-- What happened to a case, oldest first (GET /api/cases/{businessKey}/timeline).
create table case_event (
  id            bigint        not null auto_increment,
  business_key  varchar(32)   not null,
  occurred_at   datetime      not null,
  user_id       varchar(64),
  user_name     varchar(100),
  action        varchar(32)   not null,
  task_name     varchar(200),
  approved      boolean,
  comment       varchar(1000),
  constraint pk_case_event primary key (id),
  constraint fk_case_event_case foreign key (business_key) references biz_case (business_key)
);
create index ix_case_event_case on case_event (business_key, id);

-- Named deadlines of a case (report back, hand-over, ...), computed by the product on the working
-- calendar; timers and task due dates read them from here.
create table case_deadline (
  business_key  varchar(32) not null,
  name          varchar(32) not null,
  due_at        datetime    not null,
  constraint pk_case_deadline primary key (business_key, name),
  constraint fk_case_deadline_case foreign key (business_key) references biz_case (business_key)
);

-- Leave moves onto the register: the case row holds applicant, community, status and submissions;
-- leave_request keeps the leave's own facts; decisions move to approval_step.
insert into biz_case (business_key, family, process_instance_id, applicant_id, applicant_name, applicant_role,
    community_id, community_name, subject, status, submission, created_at, updated_at, closed_at)
  select business_key, 'leave', process_instance_id, applicant_id, applicant_name,
    case when applicant_role = 'director' then 'DIRECTOR' else 'STAFF' end,
    community_id, community_name, concat('请假 ', days, ' 天'), status, submissions,
    submitted_at, coalesce(decided_at, submitted_at),
    case when status in ('withdrawn', 'returned') then coalesce(decided_at, submitted_at) else null end
  from leave_request;

insert into approval_step (id, business_key, submission, step_no, approver_role, unit_id, candidate_group, state,
    task_id, decided_by, decided_by_name, approved, comment, decided_at)
  select id, business_key, submission, step, approver_role, null, null,
    case when approved then 'approved' else 'rejected' end, null, approver_id, approver_name, approved, comment,
    decided_at
  from leave_decision;

create table leave_facts (
  business_key     varchar(32)   not null,
  leave_type       varchar(16)   not null,
  start_date       date          not null,
  end_date         date          not null,
  days             decimal(5, 1) not null,
  reason           varchar(500)  not null,
  report_back_due  date,
  returned_on      date,
  cover_person     varchar(100),
  constraint pk_leave_facts primary key (business_key),
  constraint fk_leave_facts_case foreign key (business_key) references biz_case (business_key)
);
insert into leave_facts (business_key, leave_type, start_date, end_date, days, reason, report_back_due, returned_on,
    cover_person)
  select business_key, leave_type, start_date, end_date, days, reason, report_back_due, returned_on, cover_person
  from leave_request;

drop table leave_decision;
drop table leave_request;
alter table leave_facts rename to leave_request;
