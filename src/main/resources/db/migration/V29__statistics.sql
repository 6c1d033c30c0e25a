-- Issue 20, the 业务统计 dashboard (cn.shequflow.statistics): every figure is counted over the cases of
-- one family filed in a period (by month), so the register is read by family and filing time first,
-- then community; leave days by the day the leave starts.
create index ix_biz_case_period on biz_case (family, created_at, community_id);
create index ix_leave_request_start on leave_request (start_date);
