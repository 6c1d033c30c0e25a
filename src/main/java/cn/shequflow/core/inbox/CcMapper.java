package cn.shequflow.core.inbox;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** 抄送 rows (V12__inbox.sql) and the case-register reads of the inbox lists. */
@Mapper
public interface CcMapper {

  /** One copy of a case to a person. */
  record CcRow(Long id, String businessKey, String taskId, String taskName, String recipientId, String senderId,
      String senderName, String note, LocalDateTime createdAt, LocalDateTime readAt) {}

  @Insert("insert into case_cc (business_key, task_id, task_name, recipient_id, sender_id, sender_name, note, created_at) "
      + "values (#{businessKey}, #{taskId}, #{taskName}, #{recipientId}, #{senderId}, #{senderName}, #{note}, #{createdAt})")
  void insert(CcRow row);

  @Select("select id, business_key, task_id, task_name, recipient_id, sender_id, sender_name, note, created_at, read_at "
      + "from case_cc where recipient_id = #{recipientId} order by created_at desc, id desc "
      + "limit #{limit} offset #{offset}")
  List<CcRow> forRecipient(@Param("recipientId") String recipientId, @Param("limit") int limit,
      @Param("offset") long offset);

  @Select("select count(*) from case_cc where recipient_id = #{recipientId}")
  long countForRecipient(String recipientId);

  @Select("select count(*) from case_cc where recipient_id = #{recipientId} and read_at is null")
  long unreadForRecipient(String recipientId);

  @Select("select id, business_key, task_id, task_name, recipient_id, sender_id, sender_name, note, created_at, read_at "
      + "from case_cc where id = #{id}")
  CcRow find(long id);

  @Select("select count(*) from case_cc where business_key = #{businessKey} and recipient_id = #{recipientId}")
  int copiedTo(@Param("businessKey") String businessKey, @Param("recipientId") String recipientId);

  @Update("update case_cc set read_at = #{at} where id = #{id} and read_at is null")
  int markRead(@Param("id") long id, @Param("at") LocalDateTime at);

  @Update("update case_cc set read_at = #{at} where business_key = #{businessKey} and recipient_id = #{recipientId} "
      + "and read_at is null")
  int markCaseRead(@Param("businessKey") String businessKey, @Param("recipientId") String recipientId,
      @Param("at") LocalDateTime at);

  /** Locks the case row, so that two urges of one case are decided one after the other. */
  @Select("select business_key from biz_case where business_key = #{businessKey} for update")
  String lockCase(String businessKey);

  @Select("select max(occurred_at) from case_event where business_key = #{businessKey} and action = #{action}")
  LocalDateTime lastEvent(@Param("businessKey") String businessKey, @Param("action") String action);

  @Select("select business_key from biz_case where applicant_id = #{applicantId} "
      + "order by created_at desc, business_key desc limit #{limit} offset #{offset}")
  List<String> casesOf(@Param("applicantId") String applicantId, @Param("limit") int limit, @Param("offset") long offset);

  @Select("select count(*) from biz_case where applicant_id = #{applicantId}")
  long countCasesOf(String applicantId);

  /**
   * Approval decisions a person took: business key, task id, decision, comment, time, and the row's
   * state (a return leaves {@code returned} with approved false; a decision taken back {@code withdrawn}).
   */
  record Decision(String businessKey, String taskId, Boolean approved, String comment, LocalDateTime decidedAt,
      String state) {}

  @Select("select business_key, task_id, approved, comment, decided_at, state from approval_step "
      + "where decided_by = #{userId} and decided_at is not null order by decided_at desc limit #{limit}")
  List<Decision> decisionsBy(@Param("userId") String userId, @Param("limit") int limit);

  @Select("select business_key from biz_case where process_instance_id = #{processInstanceId}")
  String caseKeyOfInstance(String processInstanceId);

  /** A timeline entry a person wrote (for 已办). */
  record Handed(String businessKey, String taskName, String comment, LocalDateTime occurredAt) {}

  @Select("select business_key, task_name, comment, occurred_at from case_event where user_id = #{userId} "
      + "and action = #{action} order by occurred_at desc, id desc limit #{limit}")
  List<Handed> eventsBy(@Param("userId") String userId, @Param("action") String action, @Param("limit") int limit);
}
