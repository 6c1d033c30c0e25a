-- The resident register of each community (RM-1..RM-4): people living in the community, moved in
-- and out (人来登记、人走核销) through resident-move cases that the community's staff verify.
-- Sex and birth date come from the identity number. The full history of every change is kept.

-- A resident-move request's own facts beside its case in the register.
create table resident_move (
  business_key     varchar(32)  not null,
  move_type        varchar(16)  not null,
  resident_type    varchar(16),
  person_name      varchar(50)  not null,
  id_number        varchar(18)  not null,
  phone            varchar(20),
  occupation       varchar(50),
  address          varchar(200) not null,
  building         varchar(20),
  unit_no          varchar(20),
  room             varchar(20),
  moved_on         date         not null,
  renting          boolean      not null,
  landlord_name    varchar(50),
  landlord_phone   varchar(20),
  resident_id      bigint,
  recorded_at      datetime,
  recorded_by      varchar(64),
  late             boolean      not null,
  late_note        varchar(200),
  police_notified  boolean      not null,
  constraint pk_resident_move primary key (business_key),
  constraint fk_resident_move_case foreign key (business_key) references biz_case (business_key)
);
create index ix_resident_move_person on resident_move (id_number);

-- One row per person and stay in a community. registered_id_number is the identity number while the
-- person is registered and NULL once moved out: the unique index lets a community register an identity
-- number only once at a time (MySQL, MariaDB and H2 allow many NULLs), so that two racing move-ins
-- can never write the same person twice.
create table resident (
  id                    bigint       not null auto_increment,
  community_id          varchar(64)  not null,
  person_name           varchar(50)  not null,
  sex                   varchar(8)   not null,
  birth_date            date         not null,
  id_number             varchar(18)  not null,
  registered_id_number  varchar(18),
  phone                 varchar(20),
  occupation            varchar(50),
  address               varchar(200) not null,
  building              varchar(20),
  unit_no               varchar(20),
  room                  varchar(20),
  resident_type         varchar(16)  not null,
  renting               boolean      not null,
  landlord_name         varchar(50),
  landlord_phone        varchar(20),
  arrived_on            date         not null,
  departed_on           date,
  status                varchar(16)  not null,
  late                  boolean      not null,
  late_note             varchar(200),
  created_at            datetime     not null,
  updated_at            datetime     not null,
  constraint pk_resident primary key (id),
  constraint fk_resident_community foreign key (community_id) references org_unit (id),
  constraint uq_resident_registered unique (community_id, registered_id_number)
);
create index ix_resident_person on resident (id_number);
create index ix_resident_community on resident (community_id, status, person_name);

-- Every change of a resident's row: who, when, what, and the case that caused it.
create table resident_history (
  id            bigint        not null auto_increment,
  resident_id   bigint        not null,
  business_key  varchar(32),
  action        varchar(32)   not null,
  changed_at    datetime      not null,
  changed_by    varchar(64)   not null,
  changed_by_name varchar(100),
  detail        varchar(1000) not null,
  constraint pk_resident_history primary key (id),
  constraint fk_resident_history_resident foreign key (resident_id) references resident (id)
);
create index ix_resident_history_resident on resident_history (resident_id, id);
