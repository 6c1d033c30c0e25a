package cn.shequflow.core.cases;

import cn.shequflow.core.process.InvalidInputException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The filters a case family's ledger takes ({@code ?communityId=&month=&status=&mine=}), bound once
 * for its JSON list and its Excel workbook ({@code @ParameterObject @ModelAttribute}, so that each is
 * still a documented query parameter). Checked by {@link Ledgers#listing}, {@link #period} and the
 * family's statuses; selected in SQL by {@link #CONDITIONS}.
 */
public record LedgerFilter(
    @Parameter(description = "社区编号；不填为可查看的全部社区") String communityId,
    @Parameter(description = "提交月份，yyyy-MM；不填为全部") String month,
    @Parameter(description = "状态编码") String status,
    @Parameter(description = "只看本人的申请", schema = @Schema(type = "boolean", defaultValue = "false")) Boolean mine) {

  /** A filter left empty ({@code ?communityId=}, as a cleared form sends it) is no filter. */
  public LedgerFilter {
    communityId = blankToNull(communityId);
    month = blankToNull(month);
    status = blankToNull(status);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The ledger's selection in SQL (MyBatis), the case register as {@code c}, to follow a family's own
   * condition ({@code where c.family = 'leave'} + CONDITIONS): parameters {@code communityIds} (null: every community),
   * {@code from}/{@code until} (the month filed, null: any), {@code status}, {@code applicantId}
   * (null: anyone's). With the family named, a count reads the register's index
   * ({@code ix_biz_case_family}) and needs no join.
   */
  public static final String CONDITIONS = ""
      + "<if test='communityIds != null'> and c.community_id in "
      + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
      + "<if test='from != null'> and c.created_at &gt;= #{from} and c.created_at &lt; #{until}</if>"
      + "<if test='status != null'> and c.status = #{status}</if>"
      + "<if test='applicantId != null'> and c.applicant_id = #{applicantId}</if>";

  /** The month filed, from its first moment to the next month's; both null without {@code month}. */
  public record Period(LocalDateTime from, LocalDateTime until) {}

  /** Only the person's own requests ({@code mine=true}); not given is false. */
  public boolean own() {
    return Boolean.TRUE.equals(mine);
  }

  /** The month asked for; a 400 naming {@code month} when it is no yyyy-MM. */
  public Period period() {
    if (month == null) {
      return new Period(null, null);
    }
    try {
      YearMonth ym = YearMonth.parse(month);
      return new Period(ym.atDay(1).atStartOfDay(), ym.plusMonths(1).atDay(1).atStartOfDay());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("month", "月份应为 yyyy-MM，如 2026-11");
    }
  }

  /** The filters as the audit log records an export: 社区=…，月份=…，状态=…，本人=是. */
  public String[] selection() {
    return new String[] {"社区", communityId, "月份", month, "状态", status, "本人", own() ? "是" : null};
  }
}
