package cn.shequflow.core.organisation;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code org_community_assembly} (V13__community_representatives.sql). */
@Mapper
public interface CommunityAssemblyMapper {

  String SELECT = "select a.community_id, u.name as community_name, a.representatives_total, a.updated_at, a.updated_by "
      + "from org_community_assembly a join org_unit u on u.id = a.community_id";

  @Select(SELECT + " where a.community_id = #{communityId}")
  CommunityAssembly find(String communityId);

  @Select(SELECT + " order by a.community_id")
  List<CommunityAssembly> all();

  @Insert("insert into org_community_assembly (community_id, representatives_total, updated_at, updated_by) "
      + "values (#{communityId}, #{total}, #{at}, #{by})")
  void insert(@Param("communityId") String communityId, @Param("total") int total, @Param("at") LocalDateTime at,
      @Param("by") String by);

  @Update("update org_community_assembly set representatives_total = #{total}, updated_at = #{at}, updated_by = #{by} "
      + "where community_id = #{communityId}")
  int update(@Param("communityId") String communityId, @Param("total") int total, @Param("at") LocalDateTime at,
      @Param("by") String by);
}
