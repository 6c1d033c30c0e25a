package cn.shequflow.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The aggregate queries of the 业务统计 dashboard (issue 20). Each reads one family's cases filed in a
 * period ({@code from} inclusive, {@code until} exclusive, office time) and, when {@code communities}
 * is not null, of those communities only: the register's index {@code ix_biz_case_period} (V29)
 * serves family and filing time. Rows are maps (column aliases in lower case; H2 answers them in
 * upper case, {@link Statistics} reads either).
 */
@Mapper
public interface StatisticsMapper {

  String SCOPE = "<if test='communities != null'> and c.community_id in "
      + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>";

  String PERIOD = " c.family = #{family} and c.created_at &gt;= #{from} and c.created_at &lt; #{until}" + SCOPE;

  /**
   * Per community and month of filing: filed, open, approved, refused, minutes from filing to
   * decision. The outcome of each case's current round and its last decision are kept on the register
   * ({@code CaseMapper.ROUND_OUTCOME}, V36), so this reads the index {@code ix_biz_case_figures} alone.
   */
  @Select("<script>select c.community_id as community, year(c.created_at) as y, month(c.created_at) as m, "
      + "count(*) as filed, "
      + "sum(case when c.closed_at is null then 1 else 0 end) as open_count, "
      + "sum(case when c.outcome = 'approved' then 1 else 0 end) as approved, "
      + "sum(case when c.outcome = 'refused' then 1 else 0 end) as refused, "
      + "sum(case when c.outcome is not null and c.decided_at is not null then 1 else 0 end) as timed, "
      + "sum(case when c.outcome is not null and c.decided_at is not null "
      + "then timestampdiff(MINUTE, c.created_at, c.decided_at) else 0 end) as decision_minutes "
      + "from biz_case c where" + PERIOD + " group by c.community_id, year(c.created_at), month(c.created_at)</script>")
  List<Map<String, Object>> cases(@Param("family") String family, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until, @Param("communities") List<String> communities);

  /**
   * The decided cases of the period by community, month of filing, day filed and day of the last
   * decision, with how many: the working days between the two days are counted on the working
   * calendar ({@code Statistics}), for each pair once.
   */
  @Select("<script>select c.community_id as community, year(c.created_at) as y, month(c.created_at) as m, "
      + "cast(c.created_at as date) as filed_on, cast(c.decided_at as date) as decided_on, count(*) as n "
      + "from biz_case c where" + PERIOD + " and c.outcome is not null and c.decided_at is not null "
      + "group by c.community_id, year(c.created_at), month(c.created_at), cast(c.created_at as date), "
      + "cast(c.decided_at as date)</script>")
  List<Map<String, Object>> decisionDays(@Param("family") String family, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until, @Param("communities") List<String> communities);

  /**
   * Incidents by category and light, open or closed, with the signing (签收) and settling (办结) within
   * their limits: counted once the limit has passed or the step is done.
   */
  @Select("<script>select i.category as category, i.sla_status as light, "
      + "case when c.closed_at is null then 1 else 0 end as open_flag, count(*) as n, "
      + "sum(case when a.due_at is not null and (i.accepted_at is not null or a.due_at &lt; #{now}) then 1 else 0 end) as sign_due, "
      + "sum(case when a.due_at is not null and i.accepted_at is not null and i.accepted_at &lt;= a.due_at then 1 else 0 end) as signed_in_time, "
      + "sum(case when s.due_at is not null and (i.handled_at is not null or s.due_at &lt; #{now}) then 1 else 0 end) as settle_due, "
      + "sum(case when s.due_at is not null and i.handled_at is not null and i.handled_at &lt;= s.due_at then 1 else 0 end) as settled_in_time "
      + "from biz_case c join incident i on i.business_key = c.business_key "
      + "left join case_deadline a on a.business_key = c.business_key and a.name = 'accept' "
      + "left join case_deadline s on s.business_key = c.business_key and s.name = 'settle' "
      + "where" + PERIOD + " group by i.category, i.sla_status, case when c.closed_at is null then 1 else 0 end</script>")
  List<Map<String, Object>> incidents(@Param("family") String family, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until, @Param("communities") List<String> communities,
      @Param("now") LocalDateTime now);

  /** Leave approved (and reported back, on time or late) starting in the period, by person and type. */
  @Select("<script>select c.applicant_id as person, c.applicant_name as name, c.community_name as community_name, "
      + "l.leave_type as leave_type, count(*) as n, sum(l.days) as days "
      + "from biz_case c join leave_request l on l.business_key = c.business_key "
      + "where c.family = #{family} and c.status in "
      + "<foreach item='s' collection='statuses' open='(' separator=',' close=')'>#{s}</foreach> "
      + "and l.start_date &gt;= #{fromDate} and l.start_date &lt; #{untilDate}" + SCOPE
      + " group by c.applicant_id, c.applicant_name, c.community_name, l.leave_type</script>")
  List<Map<String, Object>> leave(@Param("family") String family, @Param("statuses") List<String> statuses,
      @Param("fromDate") LocalDate fromDate, @Param("untilDate") LocalDate untilDate,
      @Param("communities") List<String> communities);

  /**
   * Expenses filed in the period by whether they needed the social affairs office (over the
   * director's authority, EX-2): how many and how much were approved, and the assembly votes (EX-6).
   */
  @Select("<script>select e.office_needed as above, count(*) as n, "
      + "sum(case when c.status in <foreach item='s' collection='approved' open='(' separator=',' close=')'>#{s}</foreach> "
      + "then 1 else 0 end) as approved_count, "
      + "sum(case when c.status in <foreach item='s' collection='approved' open='(' separator=',' close=')'>#{s}</foreach> "
      + "then e.amount else 0 end) as approved_total, "
      + "sum(case when e.vote_needed then 1 else 0 end) as votes_needed, "
      + "sum(case when e.vote_passed = true then 1 else 0 end) as votes_passed, "
      + "sum(case when e.vote_passed = false then 1 else 0 end) as votes_failed "
      + "from biz_case c join expense_request e on e.business_key = c.business_key "
      + "where" + PERIOD + " group by e.office_needed</script>")
  List<Map<String, Object>> expenses(@Param("family") String family, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until, @Param("communities") List<String> communities,
      @Param("approved") List<String> approved);

  /** The monthly reports of the months {@code fromMonth} to {@code toMonth} ('2026-09'). */
  @Select("<script>select r.business_key as business_key, r.community_id as community, c.community_name as community_name, "
      + "r.report_month as report_month, r.reported_on as reported_on, r.posted_on as posted_on "
      + "from expense_monthly_report r join biz_case c on c.business_key = r.business_key "
      + "where c.family = #{family} and r.report_month &gt;= #{fromMonth} and r.report_month &lt;= #{toMonth}" + SCOPE
      + " order by r.report_month, r.community_id</script>")
  List<Map<String, Object>> monthlyReports(@Param("family") String family, @Param("fromMonth") String fromMonth,
      @Param("toMonth") String toMonth, @Param("communities") List<String> communities);

  /** Open tasks of the family's cases past their due date, earliest first (the engine's own due dates). */
  @Select("<script>select c.business_key as business_key, c.community_id as community, c.community_name as community_name, "
      + "c.subject as subject, c.status as status, t.NAME_ as task_name, t.DUE_DATE_ as due_at "
      + "from ACT_RU_TASK t join biz_case c on c.process_instance_id = t.PROC_INST_ID_ "
      + "where c.family = #{family} and t.DUE_DATE_ &lt; #{now}" + SCOPE
      + " order by t.DUE_DATE_, c.business_key limit #{limit}</script>")
  List<Map<String, Object>> overdueTasks(@Param("family") String family, @Param("now") Date now,
      @Param("communities") List<String> communities, @Param("limit") int limit);

  /** Open incidents under supervision (YELLOW 督办, RED 区督办, IN-5). */
  @Select("<script>select c.business_key as business_key, c.community_id as community, c.community_name as community_name, "
      + "c.subject as subject, c.status as status, i.sla_status as light "
      + "from biz_case c join incident i on i.business_key = c.business_key "
      + "where c.family = #{family} and c.closed_at is null and i.sla_status in ('YELLOW', 'RED')" + SCOPE
      + " order by c.created_at, c.business_key limit #{limit}</script>")
  List<Map<String, Object>> supervisedIncidents(@Param("family") String family,
      @Param("communities") List<String> communities, @Param("limit") int limit);

  /** How many of the family's cases are overdue: an open task past due, or an incident under supervision. */
  @Select("<script>select count(distinct k.business_key) from ("
      + "select c.business_key as business_key from ACT_RU_TASK t join biz_case c on c.process_instance_id = t.PROC_INST_ID_ "
      + "where c.family = #{family} and t.DUE_DATE_ &lt; #{now}" + SCOPE
      + " union select c.business_key as business_key from biz_case c join incident i on i.business_key = c.business_key "
      + "where c.family = #{family} and c.closed_at is null and i.sla_status in ('YELLOW', 'RED')" + SCOPE
      + ") k</script>")
  long overdueCount(@Param("family") String family, @Param("now") Date now,
      @Param("communities") List<String> communities);
}
