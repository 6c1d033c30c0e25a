package cn.shequflow.expense.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The monthly runs and reports (V6__expense_monthly.sql), and the ledger rows a report lists. */
@Mapper
public interface MonthlyReportMapper {

  String REPORT = "select c.business_key, r.community_id, c.community_name, r.report_month, c.status, c.created_at, "
      + "r.expense_count, r.paid_total, r.reported_on, r.report_note, r.reported_by, r.posted_on, r.posted_by, "
      + "r.take_down_from, r.taken_down_on, r.taken_down_by "
      + "from biz_case c join expense_monthly_report r on r.business_key = c.business_key";

  /**
   * The expenses of a community booked in {@code [from, until)}, by payment date. A month's report
   * lists what was booked in that month: once the month is over nothing can be booked into it any
   * more, so every booked expense is reported exactly once.
   */
  @Select("select c.business_key, e.paid_on, e.category, e.purpose, e.paid_amount, e.booked_at "
      + "from biz_case c join expense_request e on e.business_key = c.business_key "
      + "where c.community_id = #{communityId} and e.booked_at >= #{from} and e.booked_at < #{until} "
      + "order by e.paid_on, c.business_key")
  List<BookedExpense> bookedIn(@Param("communityId") String communityId, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until);

  @Select("select count(*) from expense_monthly_run where report_month = #{reportMonth}")
  int countRuns(String reportMonth);

  @Insert("insert into expense_monthly_run (report_month, run_on, process_instance_id, created_at) "
      + "values (#{reportMonth}, #{runOn}, #{processInstanceId}, #{createdAt})")
  void insertRun(@Param("reportMonth") String reportMonth, @Param("runOn") LocalDate runOn,
      @Param("processInstanceId") String processInstanceId, @Param("createdAt") LocalDateTime createdAt);

  @Insert("insert into expense_monthly_report (business_key, community_id, report_month, expense_count, paid_total) "
      + "values (#{businessKey}, #{communityId}, #{reportMonth}, #{expenseCount}, #{paidTotal})")
  void insertReport(@Param("businessKey") String businessKey, @Param("communityId") String communityId,
      @Param("reportMonth") String reportMonth, @Param("expenseCount") int expenseCount,
      @Param("paidTotal") BigDecimal paidTotal);

  @Select(REPORT + " where c.business_key = #{businessKey}")
  MonthlyReport find(String businessKey);

  @Select("<script>" + REPORT + "<where>"
      + "<if test='communityIds != null'> r.community_id in "
      + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
      + "<if test='reportMonth != null'> and r.report_month = #{reportMonth}</if></where>"
      + " order by r.report_month desc, r.community_id</script>")
  List<MonthlyReport> list(@Param("communityIds") List<String> communityIds, @Param("reportMonth") String reportMonth);

  @Update("update expense_monthly_report set reported_on = #{reportedOn}, report_note = #{note}, reported_by = #{by} "
      + "where business_key = #{businessKey}")
  void recordReported(@Param("businessKey") String businessKey, @Param("reportedOn") LocalDate reportedOn,
      @Param("note") String note, @Param("by") String by);

  @Update("update expense_monthly_report set posted_on = #{postedOn}, posted_by = #{by} where business_key = #{businessKey}")
  void recordPosted(@Param("businessKey") String businessKey, @Param("postedOn") LocalDate postedOn,
      @Param("by") String by);

  @Update("update expense_monthly_report set take_down_from = #{from} where business_key = #{businessKey}")
  void setTakeDownFrom(@Param("businessKey") String businessKey, @Param("from") LocalDate from);

  @Update("update expense_monthly_report set taken_down_on = #{takenDownOn}, taken_down_by = #{by} "
      + "where business_key = #{businessKey}")
  void recordTakenDown(@Param("businessKey") String businessKey, @Param("takenDownOn") LocalDate takenDownOn,
      @Param("by") String by);
}
