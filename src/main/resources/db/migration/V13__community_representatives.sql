-- Issue 15, EX-7: the residents' representative assembly of each community. How many
-- representatives a community has is organisation data, kept by the administrator
-- (PUT /api/organisation/communities/{id}/representatives) or loaded from the organisation file;
-- a vote's quorum (more than 2/3 of all present) and passing (more than half of ALL in favour) are
-- counted on it, never on a number typed at the vote.
create table org_community_assembly (
  community_id           varchar(64) not null,
  representatives_total  int         not null,
  updated_at             datetime    not null,
  updated_by             varchar(64),
  constraint pk_org_community_assembly primary key (community_id),
  constraint fk_org_community_assembly_unit foreign key (community_id) references org_unit (id)
);
