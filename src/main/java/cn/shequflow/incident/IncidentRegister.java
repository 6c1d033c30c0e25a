package cn.shequflow.incident;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The incident's own facts ({@code incident}) beside its case in the register (V10__incident.sql). */
@Mapper
public interface IncidentRegister {

  String LIST = "select c.business_key, c.applicant_id, c.applicant_name, c.community_id, c.community_name, c.status, "
      + "c.created_at as submitted_at, i.category, i.severity, i.title, i.description, i.location, i.handler_role, "
      + "i.accepted_by, i.accepted_at, i.escalated, i.sla_status, i.result, i.handled_by, i.handled_at, "
      + "i.handed_to_police, i.correction_person, i.reopen_count, i.reopen_reason, i.satisfied, i.closed_at "
      + "from biz_case c join incident i on i.business_key = c.business_key";

  String WHERE = "<where>"
      + "<if test='communityIds != null'> c.community_id in "
      + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
      + "<if test='category != null'> and i.category = #{category}</if>"
      + "<if test='status != null'> and c.status = #{status}</if>"
      + "<if test='light != null'> and i.sla_status = #{light}</if></where>";

  @Insert("insert into incident (business_key, category, severity, title, description, location, escalated, "
      + "sla_status, handed_to_police, correction_person, reopen_count) values (#{businessKey}, #{category}, "
      + "#{severity}, #{title}, #{description}, #{location}, false, 'GREEN', false, false, 0)")
  void insert(@Param("businessKey") String businessKey, @Param("category") String category,
      @Param("severity") String severity, @Param("title") String title, @Param("description") String description,
      @Param("location") String location);

  @Update("update incident set handler_role = #{role} where business_key = #{businessKey}")
  void handlerRole(@Param("businessKey") String businessKey, @Param("role") String role);

  @Update("update incident set accepted_by = #{userId}, accepted_at = #{at} where business_key = #{businessKey}")
  void accepted(@Param("businessKey") String businessKey, @Param("userId") String userId,
      @Param("at") LocalDateTime at);

  @Update("update incident set escalated = true, handler_role = #{role} where business_key = #{businessKey}")
  void escalated(@Param("businessKey") String businessKey, @Param("role") String role);

  @Update("update incident set sla_status = #{light} where business_key = #{businessKey}")
  void light(@Param("businessKey") String businessKey, @Param("light") String light);

  @Update("update incident set result = #{result}, handled_by = #{userId}, handled_at = #{at}, "
      + "handed_to_police = (handed_to_police or #{police}), correction_person = (correction_person or #{correction}) "
      + "where business_key = #{businessKey}")
  void handled(@Param("businessKey") String businessKey, @Param("result") String result,
      @Param("userId") String userId, @Param("at") LocalDateTime at, @Param("police") boolean police,
      @Param("correction") boolean correction);

  @Update("update incident set reopen_count = reopen_count + 1, reopen_reason = #{reason}, satisfied = false "
      + "where business_key = #{businessKey}")
  void reopened(@Param("businessKey") String businessKey, @Param("reason") String reason);

  @Update("update incident set satisfied = #{satisfied} where business_key = #{businessKey}")
  void satisfied(@Param("businessKey") String businessKey, @Param("satisfied") Boolean satisfied);

  @Update("update incident set closed_at = #{at}, sla_status = 'GREEN' where business_key = #{businessKey}")
  void closed(@Param("businessKey") String businessKey, @Param("at") LocalDateTime at);

  @Select(LIST + " where c.business_key = #{businessKey}")
  IncidentEntry find(String businessKey);

  @Select("<script>" + LIST + " " + WHERE + " order by c.created_at desc, c.business_key desc "
      + "limit #{limit} offset #{offset}</script>")
  List<IncidentEntry> page(@Param("communityIds") List<String> communityIds, @Param("category") String category,
      @Param("status") String status, @Param("light") String light, @Param("limit") int limit,
      @Param("offset") long offset);

  /**
   * The selection counted by community, category, status and light at once (one row per
   * combination, a few hundred at most): the register's total and its four tallies are sums of these.
   */
  @Select("<script>select c.community_id as community, i.category as category, c.status as status, "
      + "i.sla_status as light, count(*) as n from biz_case c join incident i on i.business_key = c.business_key "
      + WHERE + " group by c.community_id, i.category, c.status, i.sla_status</script>")
  List<Map<String, Object>> tally(@Param("communityIds") List<String> communityIds, @Param("category") String category,
      @Param("status") String status, @Param("light") String light);
}
