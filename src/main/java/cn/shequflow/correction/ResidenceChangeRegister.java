package cn.shequflow.correction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * A change of residence's own facts ({@code correction_residence_change}) beside its case in the
 * register (V7__correction.sql).
 */
@Mapper
public interface ResidenceChangeRegister {

  String ENTRY = "select c.business_key, c.status, c.created_at as submitted_at, r.person_name, r.id_number, "
      + "r.current_address, r.new_address, r.new_county_same, r.application_date, r.planned_move_date, "
      + "r.receiving_county, r.receiving_opinion, r.receiving_note, r.consulted_on, r.approved_at, r.hand_over_due, "
      + "r.hand_over_overdue, r.handed_over_on, r.hand_over_note, r.report_in_due, r.report_in_overdue, "
      + "r.reported_in_on, r.report_in_note, r.register_outcome "
      + "from biz_case c join correction_residence_change r on r.business_key = c.business_key";

  @Insert("insert into correction_residence_change (business_key, person_name, id_number, current_address, new_address, "
      + "new_county_same, application_date, planned_move_date, hand_over_overdue, report_in_overdue) values ("
      + "#{businessKey}, #{personName}, #{idNumber}, #{currentAddress}, #{newAddress}, #{newCountySame}, "
      + "#{applicationDate}, #{plannedMoveDate}, false, false)")
  void insert(@Param("businessKey") String businessKey, @Param("personName") String personName,
      @Param("idNumber") String idNumber, @Param("currentAddress") String currentAddress,
      @Param("newAddress") String newAddress, @Param("newCountySame") boolean newCountySame,
      @Param("applicationDate") LocalDate applicationDate, @Param("plannedMoveDate") LocalDate plannedMoveDate);

  @Update("update correction_residence_change set receiving_county = #{county}, receiving_opinion = #{opinion}, "
      + "receiving_note = #{note}, consulted_on = #{consultedOn} where business_key = #{businessKey}")
  void recordReceivingOpinion(@Param("businessKey") String businessKey, @Param("county") String county,
      @Param("opinion") String opinion, @Param("note") String note, @Param("consultedOn") LocalDate consultedOn);

  @Update("update correction_residence_change set approved_at = #{at}, hand_over_due = #{handOverDue}, "
      + "report_in_due = #{reportInDue} where business_key = #{businessKey}")
  void approve(@Param("businessKey") String businessKey, @Param("at") LocalDateTime at,
      @Param("handOverDue") LocalDateTime handOverDue, @Param("reportInDue") LocalDateTime reportInDue);

  @Update("update correction_residence_change set hand_over_overdue = true where business_key = #{businessKey}")
  void markHandOverOverdue(String businessKey);

  @Update("update correction_residence_change set report_in_overdue = true where business_key = #{businessKey}")
  void markReportInOverdue(String businessKey);

  @Update("update correction_residence_change set handed_over_on = #{on}, hand_over_note = #{note} "
      + "where business_key = #{businessKey}")
  void recordHandOver(@Param("businessKey") String businessKey, @Param("on") LocalDate on, @Param("note") String note);

  @Update("update correction_residence_change set reported_in_on = #{on}, report_in_note = #{note}, "
      + "register_outcome = #{registerOutcome} where business_key = #{businessKey}")
  void recordReportIn(@Param("businessKey") String businessKey, @Param("on") LocalDate on, @Param("note") String note,
      @Param("registerOutcome") String registerOutcome);

  @Select(ENTRY + " where c.business_key = #{businessKey}")
  ResidenceChangeEntry find(String businessKey);
}
