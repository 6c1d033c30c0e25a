package cn.shequflow.leave;

import cn.shequflow.core.cases.LedgerFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The leave's own facts ({@code leave_request}) beside its case in the register (V3__case_register.sql). */
@Mapper
public interface LeaveRegister {

  String LEDGER = "select c.business_key, c.process_instance_id, c.applicant_id, c.applicant_name, c.applicant_role, "
      + "c.community_id, c.community_name, l.leave_type, l.start_date, l.end_date, l.days, l.reason, c.status, "
      + "c.submission as submissions, c.created_at as submitted_at, c.updated_at, l.report_back_due, l.returned_on, "
      + "l.cover_person from biz_case c join leave_request l on l.business_key = c.business_key";

  /** A ledger's rows: the family's cases, as {@link LedgerFilter} selects them. */
  String WHERE = " where c.family = '" + LeaveFamily.KEY + "'" + LedgerFilter.CONDITIONS;

  @Insert("insert into leave_request (business_key, leave_type, start_date, end_date, days, reason) "
      + "values (#{businessKey}, #{leaveType}, #{startDate}, #{endDate}, #{days}, #{reason})")
  void insert(@Param("businessKey") String businessKey, @Param("leaveType") String leaveType,
      @Param("startDate") LocalDate startDate, @Param("endDate") LocalDate endDate, @Param("days") BigDecimal days,
      @Param("reason") String reason);

  @Update("update leave_request set leave_type = #{leaveType}, start_date = #{startDate}, end_date = #{endDate}, "
      + "days = #{days}, reason = #{reason} where business_key = #{businessKey}")
  int update(@Param("businessKey") String businessKey, @Param("leaveType") String leaveType,
      @Param("startDate") LocalDate startDate, @Param("endDate") LocalDate endDate, @Param("days") BigDecimal days,
      @Param("reason") String reason);

  @Select(LEDGER + " where c.business_key = #{businessKey}")
  LeaveEntry find(String businessKey);

  @Update("update leave_request set report_back_due = #{due} where business_key = #{businessKey}")
  void setReportBackDue(@Param("businessKey") String businessKey, @Param("due") LocalDate due);

  @Update("update leave_request set returned_on = #{returnedOn} where business_key = #{businessKey}")
  void recordReturn(@Param("businessKey") String businessKey, @Param("returnedOn") LocalDate returnedOn);

  @Update("update leave_request set cover_person = #{coverPerson} where business_key = #{businessKey}")
  void recordCover(@Param("businessKey") String businessKey, @Param("coverPerson") String coverPerson);

  @Select("<script>select count(*) from biz_case c" + WHERE + "</script>")
  long count(@Param("communityIds") List<String> communityIds, @Param("applicantId") String applicantId,
      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until, @Param("status") String status);

  @Select("<script>" + LEDGER + " " + WHERE
      + " order by c.created_at desc, c.business_key desc limit #{limit} offset #{offset}</script>")
  List<LeaveEntry> page(@Param("communityIds") List<String> communityIds, @Param("applicantId") String applicantId,
      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until, @Param("status") String status,
      @Param("limit") int limit, @Param("offset") long offset);
}
