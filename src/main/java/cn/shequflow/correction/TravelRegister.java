package cn.shequflow.correction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** A travel application's own facts ({@code correction_travel}) beside its case in the register (V7__correction.sql). */
@Mapper
public interface TravelRegister {

  String ENTRY = "select c.business_key, c.status, c.created_at as submitted_at, t.person_name, t.id_number, "
      + "t.destination, t.start_date, t.end_date, t.days, t.reason, t.restricted_place, t.committee_certificate, "
      + "t.employer_certificate, t.proof_note, t.proofs_checked_by, t.proofs_checked_at, t.approved_at, t.report_due, "
      + "t.report_missed, t.reported_on, t.report_note "
      + "from biz_case c join correction_travel t on t.business_key = c.business_key";

  @Insert("insert into correction_travel (business_key, person_name, id_number, destination, start_date, end_date, days, "
      + "reason, restricted_place, report_missed) values (#{businessKey}, #{personName}, #{idNumber}, #{destination}, "
      + "#{startDate}, #{endDate}, #{days}, #{reason}, #{restrictedPlace}, false)")
  void insert(@Param("businessKey") String businessKey, @Param("personName") String personName,
      @Param("idNumber") String idNumber, @Param("destination") String destination,
      @Param("startDate") LocalDate startDate, @Param("endDate") LocalDate endDate, @Param("days") int days,
      @Param("reason") String reason, @Param("restrictedPlace") boolean restrictedPlace);

  @Update("update correction_travel set committee_certificate = #{committee}, employer_certificate = #{employer}, "
      + "proof_note = #{note}, proofs_checked_by = #{by}, proofs_checked_at = #{at} where business_key = #{businessKey}")
  void recordProofs(@Param("businessKey") String businessKey, @Param("committee") boolean committee,
      @Param("employer") boolean employer, @Param("note") String note, @Param("by") String by,
      @Param("at") LocalDateTime at);

  @Update("update correction_travel set approved_at = #{at}, report_due = #{reportDue} where business_key = #{businessKey}")
  void approve(@Param("businessKey") String businessKey, @Param("at") LocalDateTime at,
      @Param("reportDue") LocalDateTime reportDue);

  @Update("update correction_travel set report_missed = true where business_key = #{businessKey}")
  void markReportMissed(String businessKey);

  @Update("update correction_travel set reported_on = #{reportedOn}, report_note = #{note} where business_key = #{businessKey}")
  void recordReport(@Param("businessKey") String businessKey, @Param("reportedOn") LocalDate reportedOn,
      @Param("note") String note);

  @Select(ENTRY + " where c.business_key = #{businessKey}")
  TravelEntry find(String businessKey);
}
