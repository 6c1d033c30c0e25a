-- Issue 20: the 业务统计 dashboard counts a year of a large street's cases (200,000) by family, month
-- and community. The outcome of a case's current round on the approval chain (approved, refused, or
-- none while a position is open or nobody decided) and the time of its last decision are kept on the
-- register, written with each status change (CaseMapper.setStatus, the one status mechanism), so that
-- the figures are read from the register's index alone instead of the chain's rows of every case.
alter table biz_case add column outcome varchar(16);
alter table biz_case add column decided_at datetime;

update biz_case set
  outcome = (select case
      when sum(case when s.state = 'rejected' then 1 else 0 end) > 0 then 'refused'
      when sum(case when s.state in ('pending', 'active', 'withdrawn') then 1 else 0 end) > 0 then null
      when sum(case when s.state in ('returned', 'cancelled') then 1 else 0 end) > 0 then 'refused'
      when sum(case when s.state = 'approved' then 1 else 0 end) > 0 then 'approved' end
    from approval_step s where s.business_key = biz_case.business_key and s.submission = biz_case.submission),
  decided_at = (select max(s.decided_at) from approval_step s
    where s.business_key = biz_case.business_key and s.submission = biz_case.submission);

create index ix_biz_case_figures on biz_case (family, created_at, community_id, closed_at, outcome, decided_at);
