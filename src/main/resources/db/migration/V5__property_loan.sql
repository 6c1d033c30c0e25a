-- Property loans (EX-9): the loan's own facts beside its case in the register, the return deadline
-- fixed on consent, and how (and when) the property came back.
create table property_loan (
  business_key       varchar(32)  not null,
  item               varchar(100) not null,
  borrower           varchar(100) not null,
  purpose            varchar(500) not null,
  loan_from          date         not null,
  loan_until         date         not null,
  consented_at       datetime,
  return_due         date,
  returned_on        date,
  return_condition   varchar(16),
  return_note        varchar(500),
  return_recorded_at datetime,
  return_recorded_by varchar(64),
  constraint pk_property_loan primary key (business_key),
  constraint fk_property_loan_case foreign key (business_key) references biz_case (business_key)
);
create index ix_property_loan_until on property_loan (loan_until);
