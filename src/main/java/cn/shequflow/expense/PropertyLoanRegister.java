package cn.shequflow.expense;

import cn.shequflow.core.cases.LedgerFilter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The loan's own facts ({@code property_loan}) beside its case in the register (V5__property_loan.sql). */
@Mapper
public interface PropertyLoanRegister {

  String LEDGER = "select c.business_key, c.applicant_id, c.applicant_name, c.community_id, c.community_name, c.status, "
      + "c.submission as submissions, c.created_at as submitted_at, l.item, l.borrower, l.purpose, l.loan_from, "
      + "l.loan_until, l.consented_at, l.return_due, l.returned_on, l.return_condition, l.return_note, "
      + "l.return_recorded_at, l.return_recorded_by "
      + "from biz_case c join property_loan l on l.business_key = c.business_key";

  /** A ledger's rows: the family's cases, as {@link LedgerFilter} selects them. */
  String WHERE = " where c.family = '" + PropertyLoanFamily.KEY + "'" + LedgerFilter.CONDITIONS;

  @Insert("insert into property_loan (business_key, item, borrower, purpose, loan_from, loan_until) "
      + "values (#{businessKey}, #{item}, #{borrower}, #{purpose}, #{loanFrom}, #{loanUntil})")
  void insert(@Param("businessKey") String businessKey, @Param("item") String item, @Param("borrower") String borrower,
      @Param("purpose") String purpose, @Param("loanFrom") LocalDate loanFrom, @Param("loanUntil") LocalDate loanUntil);

  /** A resubmission: new facts; an earlier consent cannot exist (a refused round never consents). */
  @Update("update property_loan set item = #{item}, borrower = #{borrower}, purpose = #{purpose}, "
      + "loan_from = #{loanFrom}, loan_until = #{loanUntil}, consented_at = null, return_due = null "
      + "where business_key = #{businessKey}")
  int update(@Param("businessKey") String businessKey, @Param("item") String item, @Param("borrower") String borrower,
      @Param("purpose") String purpose, @Param("loanFrom") LocalDate loanFrom, @Param("loanUntil") LocalDate loanUntil);

  @Update("update property_loan set consented_at = #{at}, return_due = #{returnDue} where business_key = #{businessKey}")
  void consent(@Param("businessKey") String businessKey, @Param("at") LocalDateTime at,
      @Param("returnDue") LocalDate returnDue);

  @Update("update property_loan set returned_on = #{returnedOn}, return_condition = #{condition}, "
      + "return_note = #{note}, return_recorded_at = #{recordedAt}, return_recorded_by = #{recordedBy} "
      + "where business_key = #{businessKey}")
  void recordReturn(@Param("businessKey") String businessKey, @Param("returnedOn") LocalDate returnedOn,
      @Param("condition") String condition, @Param("note") String note,
      @Param("recordedAt") LocalDateTime recordedAt, @Param("recordedBy") String recordedBy);

  @Select(LEDGER + " where c.business_key = #{businessKey}")
  PropertyLoanEntry find(String businessKey);

  @Select("<script>select count(*) from biz_case c" + WHERE + "</script>")
  long count(@Param("communityIds") List<String> communityIds, @Param("applicantId") String applicantId,
      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until, @Param("status") String status);

  @Select("<script>" + LEDGER + " " + WHERE + " order by c.created_at desc, c.business_key desc "
      + "limit #{limit} offset #{offset}</script>")
  List<PropertyLoanEntry> page(@Param("communityIds") List<String> communityIds,
      @Param("applicantId") String applicantId, @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until, @Param("status") String status,
      @Param("limit") int limit, @Param("offset") long offset);
}
