package cn.shequflow.core.organisation;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The organisation tables (V1__organisation.sql). */
@Mapper
public interface OrganisationMapper {

  @Select("select id, name, unit_level, parent_id from org_unit where id = #{id}")
  OrgUnit findUnit(String id);

  @Select("select id, name, unit_level, parent_id from org_unit order by id")
  List<OrgUnit> allUnits();

  @Insert("insert into org_unit (id, name, unit_level, parent_id) values (#{id}, #{name}, #{unitLevel}, #{parentId})")
  void insertUnit(OrgUnit unit);

  @Select("select user_id, name, unit_id from org_person where user_id = #{userId}")
  Person findPerson(String userId);

  @Select("select user_id, name, unit_id from org_person order by user_id")
  List<Person> allPeople();

  @Insert("insert into org_person (user_id, name, unit_id) values (#{userId}, #{name}, #{unitId})")
  void insertPerson(Person person);

  @Select("select user_id, role, unit_id from org_role_assignment where user_id = #{userId} order by role, unit_id")
  List<RoleAssignment> rolesOf(String userId);

  @Select("select user_id, role, unit_id from org_role_assignment order by user_id, role, unit_id")
  List<RoleAssignment> allRoles();

  @Select("select user_id, role, unit_id from org_role_assignment where role = #{role} and unit_id = #{unitId} order by user_id")
  List<RoleAssignment> holders(@Param("role") Role role, @Param("unitId") String unitId);

  @Select("select count(*) from org_role_assignment where user_id = #{userId} and role = #{role} and unit_id = #{unitId}")
  int countRole(RoleAssignment assignment);

  @Insert("insert into org_role_assignment (user_id, role, unit_id) values (#{userId}, #{role}, #{unitId})")
  void insertRole(RoleAssignment assignment);
}
