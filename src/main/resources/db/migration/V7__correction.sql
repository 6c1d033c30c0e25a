-- Community correction (CC-1..CC-5): travel approval and change of residence of people under
-- community correction (社区矫正人员), filed by the justice office on their behalf. The person is
-- data here, not a user. Beside each case in the register: the application, the written proofs
-- (CC-2), the deadlines' outcome and what was recorded on the way.
create table correction_travel (
  business_key           varchar(32)  not null,
  person_name            varchar(50)  not null,
  id_number              varchar(18)  not null,
  destination            varchar(200) not null,
  start_date             date         not null,
  end_date               date         not null,
  days                   int          not null,
  reason                 varchar(500) not null,
  restricted_place       boolean      not null,
  committee_certificate  boolean,
  employer_certificate   boolean,
  proof_note             varchar(500),
  proofs_checked_by      varchar(64),
  proofs_checked_at      datetime,
  approved_at            datetime,
  report_due             datetime,
  report_missed          boolean      not null,
  reported_on            date,
  report_note            varchar(500),
  constraint pk_correction_travel primary key (business_key),
  constraint fk_correction_travel_case foreign key (business_key) references biz_case (business_key)
);
create index ix_correction_travel_person on correction_travel (id_number);

create table correction_residence_change (
  business_key           varchar(32)  not null,
  person_name            varchar(50)  not null,
  id_number              varchar(18)  not null,
  current_address        varchar(200) not null,
  new_address            varchar(200) not null,
  new_county_same        boolean      not null,
  application_date       date         not null,
  planned_move_date      date         not null,
  receiving_county       varchar(100),
  receiving_opinion      varchar(16),
  receiving_note         varchar(500),
  consulted_on           date,
  approved_at            datetime,
  hand_over_due          datetime,
  hand_over_overdue      boolean      not null,
  handed_over_on         date,
  hand_over_note         varchar(500),
  report_in_due          datetime,
  report_in_overdue      boolean      not null,
  reported_in_on         date,
  report_in_note         varchar(500),
  register_outcome       varchar(16),
  constraint pk_correction_residence primary key (business_key),
  constraint fk_correction_residence_case foreign key (business_key) references biz_case (business_key)
);
create index ix_correction_residence_person on correction_residence_change (id_number);
