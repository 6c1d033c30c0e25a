-- Issue 17: an audit trail no one can quietly edit (GB/T 22239-2019 security audit; kept at least
-- six months). Every audit entry and every timeline entry carries a SHA-256 hash chained to the
-- previous entry of its chain: per case for the timeline, per day for the audit log.
-- hash = SHA-256(prev_hash || canonical content); see cn.shequflow.core.audit.HashChain.

-- The head of each chain ('case:<business key>' or 'audit:<yyyy-mm-dd>'): its last hash and the
-- number of entries. Appending locks this row (select ... for update), so two actions on one case
-- at the same moment never fork the chain; a deleted last entry no longer matches it.
create table chain_head (
  chain_id    varchar(64)  not null,
  last_hash   varchar(64)  not null,
  entries     bigint       not null,
  constraint pk_chain_head primary key (chain_id)
);

-- The audit log, written only by the product (no route updates or deletes it).
create table audit_entry (
  id            bigint         not null auto_increment,
  chain_day     date           not null,
  occurred_at   datetime       not null,
  actor_id      varchar(64),
  action        varchar(40)    not null,
  outcome       varchar(16)    not null,
  target        varchar(200),
  business_key  varchar(32),
  detail        varchar(1000),
  client        varchar(64),
  prev_hash     varchar(64)    not null,
  hash          varchar(64)    not null,
  constraint pk_audit_entry primary key (id)
);
create index ix_audit_entry_day on audit_entry (chain_day, id);
create index ix_audit_entry_actor on audit_entry (actor_id, occurred_at);
create index ix_audit_entry_case on audit_entry (business_key);

-- The timeline joins its case's chain. Rows written before this version are sealed by V22.
alter table case_event add column prev_hash varchar(64);
alter table case_event add column hash varchar(64);
