-- Expenses (EX-1..EX-8): the request's own facts beside its case in the register, the residents'
-- representative assembly vote (EX-6, EX-7) and the voucher booked by the bookkeeper (EX-3, EX-4).
-- Money is DECIMAL, never floating point.
create table expense_request (
  business_key            varchar(32)    not null,
  amount                  decimal(12, 2) not null,
  category                varchar(32)    not null,
  purpose                 varchar(500)   not null,
  handler                 varchar(50)    not null,
  witness                 varchar(50)    not null,
  office_needed           boolean        not null,
  vote_needed             boolean        not null,
  approved_at             datetime,
  representatives_total   int,
  representatives_present int,
  votes_in_favour         int,
  notice_posted_on        date,
  meeting_on              date,
  vote_passed             boolean,
  vote_note               varchar(200),
  voucher_type            varchar(16),
  invoice_number          varchar(64),
  paid_amount             decimal(12, 2),
  paid_on                 date,
  booked_at               datetime,
  booked_by               varchar(64),
  constraint pk_expense_request primary key (business_key),
  constraint fk_expense_request_case foreign key (business_key) references biz_case (business_key)
);
create index ix_expense_request_paid on expense_request (paid_on);
