-- Monthly expense report (EX-5) and financial disclosure (EX-8): one case per community and month.
-- Money is DECIMAL, never floating point.

-- The monthly runs of the schedule (process expense-monthly): each month is reported once. The row is
-- written when the schedule decides the month's reports are due, so a later firing of the timer
-- (every day from the 1st to the 15th) never makes them twice.
create table expense_monthly_run (
  report_month         varchar(7)  not null,
  run_on               date        not null,
  process_instance_id  varchar(64) not null,
  created_at           datetime    not null,
  constraint pk_expense_monthly_run primary key (report_month)
);

-- One community's report of one month (process expense-monthly-report), beside its case in the
-- register: what was reported (count and sum of the expenses booked in the month, as the forms
-- showed them), when it went to the accounting centre, and when the disclosure was posted and
-- taken down.
create table expense_monthly_report (
  business_key      varchar(32)    not null,
  community_id      varchar(64)    not null,
  report_month      varchar(7)     not null,
  expense_count     int            not null,
  paid_total        decimal(14, 2) not null,
  reported_on       date,
  report_note       varchar(500),
  reported_by       varchar(64),
  posted_on         date,
  posted_by         varchar(64),
  take_down_from    date,
  taken_down_on     date,
  taken_down_by     varchar(64),
  constraint pk_expense_monthly_report primary key (business_key),
  constraint uq_expense_monthly_report unique (community_id, report_month),
  constraint fk_expense_monthly_report_case foreign key (business_key) references biz_case (business_key)
);

-- The monthly report reads the expenses booked in a month.
create index ix_expense_request_booked on expense_request (booked_at);
