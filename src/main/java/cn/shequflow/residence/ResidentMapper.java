package cn.shequflow.residence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The resident register and the resident-move requests (V8__resident_register.sql). */
@Mapper
public interface ResidentMapper {

  String RESIDENT = "select r.id, r.community_id, u.name as community_name, r.person_name, r.sex, r.birth_date, "
      + "r.id_number, r.phone, r.occupation, r.address, r.building, r.unit_no, r.room, r.resident_type, r.renting, "
      + "r.landlord_name, r.landlord_phone, r.arrived_on, r.departed_on, r.status, r.late, r.late_note, "
      + "r.created_at, r.updated_at from resident r join org_unit u on u.id = r.community_id";

  String SEARCH = "<where>"
      + "<if test='communityIds != null'> r.community_id in "
      + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
      + "<if test='name != null'> and r.person_name like concat('%', #{name}, '%') escape '!'</if>"
      + "<if test='idNumber != null'> and r.id_number = #{idNumber}</if>"
      + "<if test='address != null'> and r.address like concat('%', #{address}, '%') escape '!'</if>"
      + "<if test='residentType != null'> and r.resident_type = #{residentType}</if>"
      + "<if test='status != null'> and r.status = #{status}</if></where>";

  // --- requests

  @Insert("insert into resident_move (business_key, move_type, resident_type, person_name, id_number, phone, "
      + "occupation, address, building, unit_no, room, moved_on, renting, landlord_name, landlord_phone, late, "
      + "police_notified) values (#{businessKey}, #{moveType}, #{residentType}, #{personName}, #{idNumber}, #{phone}, "
      + "#{occupation}, #{address}, #{building}, #{unitNo}, #{room}, #{movedOn}, #{renting}, #{landlordName}, "
      + "#{landlordPhone}, false, false)")
  void insertMove(ResidentMoveEntry move);

  @Update("update resident_move set move_type = #{moveType}, resident_type = #{residentType}, "
      + "person_name = #{personName}, id_number = #{idNumber}, phone = #{phone}, occupation = #{occupation}, "
      + "address = #{address}, building = #{building}, unit_no = #{unitNo}, room = #{room}, moved_on = #{movedOn}, "
      + "renting = #{renting}, landlord_name = #{landlordName}, landlord_phone = #{landlordPhone} "
      + "where business_key = #{businessKey}")
  int updateMove(ResidentMoveEntry move);

  @Select("select m.business_key, c.community_id, m.move_type, m.resident_type, m.person_name, m.id_number, m.phone, "
      + "m.occupation, m.address, m.building, m.unit_no, m.room, m.moved_on, m.renting, m.landlord_name, "
      + "m.landlord_phone, m.resident_id, m.recorded_at, m.recorded_by, m.late, m.late_note, m.police_notified "
      + "from resident_move m join biz_case c on c.business_key = m.business_key where m.business_key = #{businessKey}")
  ResidentMoveEntry findMove(String businessKey);

  @Update("update resident_move set resident_id = #{residentId}, recorded_at = #{at}, recorded_by = #{by}, "
      + "late = #{late}, late_note = #{lateNote} where business_key = #{businessKey}")
  void recordMove(@Param("businessKey") String businessKey, @Param("residentId") long residentId,
      @Param("at") LocalDateTime at, @Param("by") String by, @Param("late") boolean late,
      @Param("lateNote") String lateNote);

  @Update("update resident_move set police_notified = true where business_key = #{businessKey}")
  void policeNotified(String businessKey);

  // --- the register

  @Insert("insert into resident (community_id, person_name, sex, birth_date, id_number, registered_id_number, phone, "
      + "occupation, address, building, unit_no, room, resident_type, renting, landlord_name, landlord_phone, "
      + "arrived_on, status, late, late_note, created_at, updated_at) values (#{communityId}, #{personName}, #{sex}, "
      + "#{birthDate}, #{idNumber}, #{idNumber}, #{phone}, #{occupation}, #{address}, #{building}, #{unitNo}, #{room}, "
      + "#{residentType}, #{renting}, #{landlordName}, #{landlordPhone}, #{arrivedOn}, 'registered', #{late}, "
      + "#{lateNote}, #{at}, #{at})")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertResident(NewResident resident);

  @Select(RESIDENT + " where r.id = #{id}")
  Resident find(long id);

  @Select(RESIDENT + " where r.community_id = #{communityId} and r.registered_id_number = #{idNumber}")
  Resident findRegistered(@Param("communityId") String communityId, @Param("idNumber") String idNumber);

  @Select(RESIDENT + " where r.registered_id_number = #{idNumber} order by r.id")
  List<Resident> findRegisteredAnywhere(String idNumber);

  /** A move-out: only while still registered (0 rows: someone else moved the person out first). */
  @Update("update resident set status = 'moved-out', registered_id_number = null, departed_on = #{departedOn}, "
      + "late = (late or #{late}), late_note = coalesce(#{lateNote}, late_note), updated_at = #{at} "
      + "where id = #{id} and status = 'registered'")
  int moveOut(@Param("id") long id, @Param("departedOn") LocalDate departedOn, @Param("late") boolean late,
      @Param("lateNote") String lateNote, @Param("at") LocalDateTime at);

  @Update("update resident set address = #{r.address}, building = #{r.building}, unit_no = #{r.unitNo}, "
      + "room = #{r.room}, phone = coalesce(#{r.phone}, phone), occupation = coalesce(#{r.occupation}, occupation), "
      + "resident_type = coalesce(#{r.residentType}, resident_type), renting = #{r.renting}, "
      + "landlord_name = #{r.landlordName}, landlord_phone = #{r.landlordPhone}, late = (late or #{r.late}), "
      + "late_note = coalesce(#{r.lateNote}, late_note), updated_at = #{r.at} "
      + "where id = #{id} and status = 'registered'")
  int changeAddress(@Param("id") long id, @Param("r") NewResident change);

  @Insert("insert into resident_history (resident_id, business_key, action, changed_at, changed_by, changed_by_name, "
      + "detail) values (#{residentId}, #{businessKey}, #{action}, #{changedAt}, #{changedBy}, #{changedByName}, "
      + "#{detail})")
  void insertHistory(ResidentHistoryEntry entry);

  @Select("select id, resident_id, business_key, action, changed_at, changed_by, changed_by_name, detail "
      + "from resident_history where resident_id = #{residentId} order by id")
  List<ResidentHistoryEntry> history(long residentId);

  @Select("<script>select count(*) from resident r " + SEARCH + "</script>")
  long count(@Param("communityIds") List<String> communityIds, @Param("name") String name,
      @Param("idNumber") String idNumber, @Param("address") String address,
      @Param("residentType") String residentType, @Param("status") String status);

  @Select("<script>" + RESIDENT + " " + SEARCH + " order by r.community_id, r.person_name, r.id "
      + "limit #{limit} offset #{offset}</script>")
  List<Resident> page(@Param("communityIds") List<String> communityIds, @Param("name") String name,
      @Param("idNumber") String idNumber, @Param("address") String address,
      @Param("residentType") String residentType, @Param("status") String status, @Param("limit") int limit,
      @Param("offset") long offset);
}
