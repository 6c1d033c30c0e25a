-- RM-5: address certificates (居住证明) issued to registered residents, numbered, each with its stub
-- (存根) kept here as the register of what was issued, on which documents, by whom.
create table address_certificate (
  certificate_no  varchar(32)   not null,
  resident_id     bigint        not null,
  community_id    varchar(64)   not null,
  person_name     varchar(50)   not null,
  id_number       varchar(18)   not null,
  address         varchar(200)  not null,
  purpose         varchar(200)  not null,
  documents       varchar(200)  not null,
  issued_at       datetime      not null,
  issued_by       varchar(64)   not null,
  issued_by_name  varchar(100)  not null,
  constraint pk_address_certificate primary key (certificate_no),
  constraint fk_address_certificate_resident foreign key (resident_id) references resident (id)
);
create index ix_address_certificate_resident on address_certificate (resident_id);
create index ix_address_certificate_community on address_certificate (community_id, issued_at);
