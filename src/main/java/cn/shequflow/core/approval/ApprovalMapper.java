package cn.shequflow.core.approval;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The approval chain table (V3__case_register.sql). */
@Mapper
public interface ApprovalMapper {

  String COLUMNS = "id, business_key, submission, step_no, approver_role, unit_id, candidate_group, state, task_id, "
      + "decided_by, decided_by_name, approved, comment, decided_at, candidate_user";

  @Insert("insert into approval_step (" + COLUMNS + ") values (#{id}, #{businessKey}, #{submission}, #{stepNo}, "
      + "#{approverRole}, #{unitId}, #{candidateGroup}, #{state}, #{taskId}, #{decidedBy}, #{decidedByName}, "
      + "#{approved}, #{comment}, #{decidedAt}, #{candidateUser})")
  void insert(ApprovalStep step);

  @Select("select " + COLUMNS + " from approval_step where id = #{id}")
  ApprovalStep find(String id);

  @Select("select " + COLUMNS + " from approval_step where business_key = #{businessKey} and submission = #{submission} "
      + "order by step_no, id")
  List<ApprovalStep> round(@Param("businessKey") String businessKey, @Param("submission") int submission);

  /**
   * Locks the rows of a round until the transaction ends, so that an approval operation and a
   * decision on the same round (a completion updates its row) are decided one after the other.
   */
  @Select("select id from approval_step where business_key = #{businessKey} and submission = #{submission} "
      + "order by id for update")
  @Options(flushCache = Options.FlushCachePolicy.TRUE) // rows read before the lock are read again after it
  List<String> lockRound(@Param("businessKey") String businessKey, @Param("submission") int submission);

  @Select("select " + COLUMNS + " from approval_step where business_key = #{businessKey} order by submission, step_no, id")
  List<ApprovalStep> all(String businessKey);

  /** The rows of several cases at once (a ledger's page), each case's in the order of {@link #all}. */
  @Select("<script>select " + COLUMNS + " from approval_step where business_key in "
      + "<foreach item='k' collection='businessKeys' open='(' separator=',' close=')'>#{k}</foreach> "
      + "order by business_key, submission, step_no, id</script>")
  List<ApprovalStep> allOf(@Param("businessKeys") java.util.Collection<String> businessKeys);

  @Update("update approval_step set state = #{to} where id = #{id} and state = #{from}")
  int transition(@Param("id") String id, @Param("from") String from, @Param("to") String to);

  @Update("update approval_step set task_id = #{taskId} where id = #{id}")
  int attachTask(@Param("id") String id, @Param("taskId") String taskId);

  /** Records a decision (or a return) on an active position. */
  @Update("update approval_step set state = #{state}, decided_by = #{decidedBy}, decided_by_name = #{decidedByName}, "
      + "approved = #{approved}, comment = #{comment}, decided_at = #{decidedAt} where id = #{id} and state = 'active'")
  int decide(@Param("id") String id, @Param("state") String state, @Param("decidedBy") String decidedBy,
      @Param("decidedByName") String decidedByName, @Param("approved") boolean approved,
      @Param("comment") String comment, @Param("decidedAt") LocalDateTime decidedAt);

  @Update("update approval_step set state = 'cancelled' where business_key = #{businessKey} "
      + "and submission = #{submission} and state in ('pending', 'active')")
  int cancelOpen(@Param("businessKey") String businessKey, @Param("submission") int submission);

  @Select("select count(*) from approval_step where business_key = #{businessKey} and decided_by = #{userId}")
  int decidedBy(@Param("businessKey") String businessKey, @Param("userId") String userId);

  @Select("select distinct candidate_group from approval_step where business_key = #{businessKey} "
      + "and candidate_group is not null")
  List<String> groups(String businessKey);

  @Select("select distinct candidate_user from approval_step where business_key = #{businessKey} "
      + "and candidate_user is not null")
  List<String> users(String businessKey);

  /** Moves the positions of a round from step {@code fromStep} on one step later (加签 inserts a step). */
  @Update("update approval_step set step_no = step_no + 1 where business_key = #{businessKey} "
      + "and submission = #{submission} and step_no >= #{fromStep}")
  int shiftFrom(@Param("businessKey") String businessKey, @Param("submission") int submission,
      @Param("fromStep") int fromStep);
}
