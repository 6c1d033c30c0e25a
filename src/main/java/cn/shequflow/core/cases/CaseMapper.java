package cn.shequflow.core.cases;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The case register, its timeline and deadlines (V3__case_register.sql). */
@Mapper
public interface CaseMapper {

  String COLUMNS = "business_key, family, process_instance_id, applicant_id, applicant_name, applicant_role, "
      + "community_id, community_name, subject, status, submission, created_at, updated_at, closed_at";

  @Insert("insert into biz_case (" + COLUMNS + ") values (#{businessKey}, #{family}, #{processInstanceId}, "
      + "#{applicantId}, #{applicantName}, #{applicantRole}, #{communityId}, #{communityName}, #{subject}, #{status}, "
      + "#{submission}, #{createdAt}, #{updatedAt}, #{closedAt})")
  void insert(CaseRecord record);

  @Select("select " + COLUMNS + " from biz_case where business_key = #{businessKey}")
  CaseRecord find(String businessKey);

  /** The case a process instance runs, or null. */
  @Select("select " + COLUMNS + " from biz_case where process_instance_id = #{processInstanceId}")
  CaseRecord findByProcessInstance(String processInstanceId);

  @Select("select count(*) from biz_case where business_key = #{businessKey}")
  int count(String businessKey);

  /**
   * The outcome of the case's current round on the approval chain: {@code refused} when a position
   * refused it, it was returned to the applicant, or its open positions were cancelled (a failed
   * residents' vote, EX-7) with none left open; {@code approved} when every position approved; null
   * while a position is open, after an approver withdrew his decision, or when no chain decides the
   * family's cases. Kept on the register with each status change (and so with every
   * end of a round, which moves the case), for the dashboard's figures (V36).
   */
  String ROUND_OUTCOME = "(select case "
      + "when sum(case when s.state = 'rejected' then 1 else 0 end) > 0 then 'refused' "
      + "when sum(case when s.state in ('pending', 'active', 'withdrawn') then 1 else 0 end) > 0 then null "
      + "when sum(case when s.state in ('returned', 'cancelled') then 1 else 0 end) > 0 then 'refused' "
      + "when sum(case when s.state = 'approved' then 1 else 0 end) > 0 then 'approved' end "
      + "from approval_step s where s.business_key = biz_case.business_key and s.submission = biz_case.submission)";

  /** The time of the last decision in the case's current round. */
  String ROUND_DECIDED_AT = "(select max(s.decided_at) from approval_step s "
      + "where s.business_key = biz_case.business_key and s.submission = biz_case.submission)";

  @Update("update biz_case set status = #{status}, updated_at = #{at}, "
      + "closed_at = case when #{closed} then #{at} else null end, "
      + "outcome = " + ROUND_OUTCOME + ", decided_at = " + ROUND_DECIDED_AT + " where business_key = #{businessKey}")
  int setStatus(@Param("businessKey") String businessKey, @Param("status") String status,
      @Param("closed") boolean closed, @Param("at") LocalDateTime at);

  @Update("update biz_case set submission = submission + 1, updated_at = #{at} where business_key = #{businessKey}")
  int nextSubmission(@Param("businessKey") String businessKey, @Param("at") LocalDateTime at);

  @Update("update biz_case set subject = #{subject} where business_key = #{businessKey}")
  int setSubject(@Param("businessKey") String businessKey, @Param("subject") String subject);

  // Timeline entries are written by cn.shequflow.core.audit.TimelineChain (hash-chained), never here.

  @Select("select id, business_key, occurred_at, user_id, user_name, action, task_name, approved, comment "
      + "from case_event where business_key = #{businessKey} order by id")
  List<CaseEvent> events(String businessKey);

  @Delete("delete from case_deadline where business_key = #{businessKey} and name = #{name}")
  void deleteDeadline(@Param("businessKey") String businessKey, @Param("name") String name);

  @Insert("insert into case_deadline (business_key, name, due_at, provisional) "
      + "values (#{businessKey}, #{name}, #{dueAt}, #{provisional})")
  void insertDeadline(@Param("businessKey") String businessKey, @Param("name") String name,
      @Param("dueAt") LocalDateTime dueAt, @Param("provisional") boolean provisional);

  /** The named deadlines of a case, earliest first. */
  @Select("select name, due_at, provisional from case_deadline where business_key = #{businessKey} order by due_at, name")
  List<NamedDeadline> deadlines(String businessKey);

  /** A stored deadline; {@code provisional}: counted with estimated holidays when it was set. */
  record NamedDeadline(String name, LocalDateTime dueAt, boolean provisional) {}

  @Select("select due_at from case_deadline where business_key = #{businessKey} and name = #{name}")
  LocalDateTime deadline(@Param("businessKey") String businessKey, @Param("name") String name);
}
