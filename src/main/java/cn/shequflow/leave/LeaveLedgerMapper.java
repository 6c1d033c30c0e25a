package cn.shequflow.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The leave ledger tables (V2__leave_ledger.sql). */
@Mapper
public interface LeaveLedgerMapper {

  String COLUMNS = "business_key, process_instance_id, applicant_id, applicant_name, applicant_role, community_id, "
      + "community_name, leave_type, start_date, end_date, days, reason, status, submissions, submitted_at, "
      + "decided_at, report_back_due, returned_on, cover_person";

  @Insert("insert into leave_request (" + COLUMNS + ") values (#{businessKey}, #{processInstanceId}, #{applicantId}, "
      + "#{applicantName}, #{applicantRole}, #{communityId}, #{communityName}, #{leaveType}, #{startDate}, #{endDate}, "
      + "#{days}, #{reason}, #{status}, #{submissions}, #{submittedAt}, #{decidedAt}, #{reportBackDue}, #{returnedOn}, "
      + "#{coverPerson})")
  void insert(LeaveEntry entry);

  @Update("update leave_request set leave_type = #{leaveType}, start_date = #{startDate}, end_date = #{endDate}, "
      + "days = #{days}, reason = #{reason}, status = #{status}, submissions = submissions + 1, "
      + "submitted_at = #{submittedAt}, decided_at = null "
      + "where business_key = #{businessKey} and process_instance_id = #{processInstanceId}")
  int resubmit(LeaveEntry entry);

  @Select("select " + COLUMNS + " from leave_request where business_key = #{businessKey}")
  LeaveEntry find(String businessKey);

  @Update("update leave_request set status = #{status}, decided_at = #{decidedAt} where business_key = #{businessKey}")
  void decide(@Param("businessKey") String businessKey, @Param("status") String status,
      @Param("decidedAt") LocalDateTime decidedAt);

  @Update("update leave_request set status = #{status} where business_key = #{businessKey}")
  void setStatus(@Param("businessKey") String businessKey, @Param("status") String status);

  @Update("update leave_request set report_back_due = #{due} where business_key = #{businessKey}")
  void setReportBackDue(@Param("businessKey") String businessKey, @Param("due") LocalDate due);

  @Update("update leave_request set status = #{status}, returned_on = #{returnedOn} where business_key = #{businessKey}")
  void recordReturn(@Param("businessKey") String businessKey, @Param("status") String status,
      @Param("returnedOn") LocalDate returnedOn);

  @Update("update leave_request set cover_person = #{coverPerson} where business_key = #{businessKey}")
  void recordCover(@Param("businessKey") String businessKey, @Param("coverPerson") String coverPerson);

  @Insert("insert into leave_decision (id, business_key, submission, step, approver_id, approver_name, approver_role, "
      + "approved, comment, decided_at) values (#{id}, #{businessKey}, #{submission}, #{step}, #{approverId}, #{approverName}, "
      + "#{approverRole}, #{approved}, #{comment}, #{decidedAt})")
  void insertDecision(LeaveDecisionEntry decision);

  @Select("select id, business_key, submission, step, approver_id, approver_name, approver_role, approved, comment, decided_at "
      + "from leave_decision where business_key = #{businessKey} order by submission, step")
  List<LeaveDecisionEntry> decisions(String businessKey);

  @Select("<script>select count(*) from leave_request <where>"
      + "<if test='communityIds != null'> community_id in "
      + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
      + "<if test='status != null'> and status = #{status}</if></where></script>")
  long count(@Param("communityIds") List<String> communityIds, @Param("status") String status);

  @Select("<script>select " + COLUMNS + " from leave_request <where>"
      + "<if test='communityIds != null'> community_id in "
      + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
      + "<if test='status != null'> and status = #{status}</if></where>"
      + " order by submitted_at desc, business_key desc limit #{limit} offset #{offset}</script>")
  List<LeaveEntry> page(@Param("communityIds") List<String> communityIds, @Param("status") String status,
      @Param("limit") int limit, @Param("offset") int offset);
}
