-- Whether a deadline was counted with estimated holidays (a year without the State Council's
-- schedule, CAL-2): it stays marked 暂定 after the official file arrives, because its moment was
-- counted with the estimate.
alter table case_deadline add column provisional boolean default false not null;
