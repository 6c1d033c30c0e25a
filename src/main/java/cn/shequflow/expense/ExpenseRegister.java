package cn.shequflow.expense;

import cn.shequflow.core.cases.LedgerFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The expense's own facts ({@code expense_request}) beside its case in the register (V4__expense.sql). */
@Mapper
public interface ExpenseRegister {

  String LEDGER = "select c.business_key, c.applicant_id, c.applicant_name, c.community_id, c.community_name, c.status, "
      + "c.submission as submissions, c.created_at as submitted_at, e.amount, e.category, e.purpose, e.handler, e.witness, "
      + "e.office_needed, e.vote_needed, e.approved_at, e.representatives_total, e.representatives_present, "
      + "e.votes_in_favour, e.notice_posted_on, e.meeting_on, e.vote_passed, e.vote_note, e.voucher_type, "
      + "e.invoice_number, e.paid_amount, e.paid_on, e.booked_at, e.booked_by, e.invoice_code, e.related_amount, e.related_note "
      + "from biz_case c join expense_request e on e.business_key = c.business_key";

  /** A ledger's rows: the family's cases, as {@link LedgerFilter} selects them. */
  String WHERE = " where c.family = '" + ExpenseFamily.KEY + "'" + LedgerFilter.CONDITIONS;

  @Insert("insert into expense_request (business_key, amount, category, purpose, handler, witness, office_needed, "
      + "vote_needed) values (#{businessKey}, #{amount}, #{category}, #{purpose}, #{handler}, #{witness}, false, false)")
  void insert(@Param("businessKey") String businessKey, @Param("amount") BigDecimal amount,
      @Param("category") String category, @Param("purpose") String purpose, @Param("handler") String handler,
      @Param("witness") String witness);

  /** A resubmission: new facts, and whatever the earlier round decided (route, vote) is void. */
  @Update("update expense_request set amount = #{amount}, category = #{category}, purpose = #{purpose}, "
      + "handler = #{handler}, witness = #{witness}, office_needed = false, vote_needed = false, "
      + "related_amount = null, related_note = null, "
      + "representatives_total = null, representatives_present = null, votes_in_favour = null, "
      + "notice_posted_on = null, meeting_on = null, vote_passed = null, vote_note = null "
      + "where business_key = #{businessKey}")
  int update(@Param("businessKey") String businessKey, @Param("amount") BigDecimal amount,
      @Param("category") String category, @Param("purpose") String purpose, @Param("handler") String handler,
      @Param("witness") String witness);

  @Update("update expense_request set office_needed = #{office}, vote_needed = #{vote} where business_key = #{businessKey}")
  void setRoute(@Param("businessKey") String businessKey, @Param("office") boolean office, @Param("vote") boolean vote);

  @Update("update expense_request set representatives_total = #{total}, representatives_present = #{present}, "
      + "votes_in_favour = #{inFavour}, notice_posted_on = #{noticePostedOn}, meeting_on = #{meetingOn}, "
      + "vote_passed = #{passed}, vote_note = #{note} where business_key = #{businessKey}")
  void recordVote(@Param("businessKey") String businessKey, @Param("total") int total, @Param("present") int present,
      @Param("inFavour") int inFavour, @Param("noticePostedOn") LocalDate noticePostedOn,
      @Param("meetingOn") LocalDate meetingOn, @Param("passed") boolean passed, @Param("note") String note);

  @Update("update expense_request set approved_at = #{at} where business_key = #{businessKey}")
  void approve(@Param("businessKey") String businessKey, @Param("at") LocalDateTime at);

  /**
   * EX-1, EX-2: the earlier expenses of the community that are related to this one (their sum; what
   * the approver is shown), or none ({@code null}, {@code null}).
   */
  @Update("update expense_request set related_amount = #{amount}, related_note = #{note} where business_key = #{businessKey}")
  void setRelated(@Param("businessKey") String businessKey, @Param("amount") BigDecimal amount, @Param("note") String note);

  /**
   * The live expenses (pending, approved, booked) of a community filed in {@code [from, until]},
   * other than {@code businessKey}, oldest first: the candidates of related spending.
   */
  @Select("<script>" + LEDGER + " where c.community_id = #{communityId} and c.business_key &lt;&gt; #{businessKey} "
      + "and c.created_at &gt;= #{from} and c.created_at &lt;= #{until} and c.status in "
      + "<foreach item='s' collection='statuses' open='(' separator=',' close=')'>#{s}</foreach> "
      + "order by c.created_at, c.business_key</script>")
  List<ExpenseEntry> filedBetween(@Param("communityId") String communityId, @Param("businessKey") String businessKey,
      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until, @Param("statuses") List<String> statuses);

  /** EX-4: the expense a voucher (normalised code, '' for none, and number) is booked on, or null. */
  @Select("select business_key from expense_voucher where invoice_code = #{code} and invoice_number = #{number}")
  String voucherBookedOn(@Param("code") String code, @Param("number") String number);

  /** EX-4: a voucher is booked once (primary key: code and number). */
  @Insert("insert into expense_voucher (invoice_code, invoice_number, business_key) values (#{code}, #{number}, #{businessKey})")
  void insertVoucher(@Param("code") String code, @Param("number") String number, @Param("businessKey") String businessKey);

  @Update("update expense_request set voucher_type = #{voucherType}, invoice_code = #{invoiceCode}, "
      + "invoice_number = #{invoiceNumber}, paid_amount = #{paidAmount}, paid_on = #{paidOn}, booked_at = #{bookedAt}, "
      + "booked_by = #{bookedBy} where business_key = #{businessKey}")
  void book(@Param("businessKey") String businessKey, @Param("voucherType") String voucherType,
      @Param("invoiceCode") String invoiceCode, @Param("invoiceNumber") String invoiceNumber,
      @Param("paidAmount") BigDecimal paidAmount,
      @Param("paidOn") LocalDate paidOn, @Param("bookedAt") LocalDateTime bookedAt, @Param("bookedBy") String bookedBy);

  @Select(LEDGER + " where c.business_key = #{businessKey}")
  ExpenseEntry find(String businessKey);

  @Select("<script>select count(*) from biz_case c" + WHERE + "</script>")
  long count(@Param("communityIds") List<String> communityIds, @Param("applicantId") String applicantId,
      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until, @Param("status") String status);

  /** Totals of the selection: requested amount, and what was actually paid; a voided expense (作废) counts for neither. */
  record Totals(BigDecimal amount, BigDecimal paidAmount) {}

  @Select("<script>select coalesce(sum(case when c.status = 'voided' then 0 else e.amount end), 0) as amount, "
      + "coalesce(sum(case when c.status = 'voided' then 0 else e.paid_amount end), 0) as paid_amount "
      + "from biz_case c join expense_request e on e.business_key = c.business_key " + WHERE + "</script>")
  Totals totals(@Param("communityIds") List<String> communityIds, @Param("applicantId") String applicantId,
      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until, @Param("status") String status);

  @Select("<script>" + LEDGER + " " + WHERE + " order by c.created_at desc, c.business_key desc "
      + "limit #{limit} offset #{offset}</script>")
  List<ExpenseEntry> page(@Param("communityIds") List<String> communityIds, @Param("applicantId") String applicantId,
      @Param("from") LocalDateTime from,
      @Param("until") LocalDateTime until, @Param("status") String status, @Param("limit") int limit,
      @Param("offset") long offset);
}
