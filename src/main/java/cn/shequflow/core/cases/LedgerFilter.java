package cn.shequflow.core.cases;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The filters a case family's ledger takes ({@code ?communityId=&status=&mine=}), bound once for its
 * JSON list and its Excel workbook ({@code @ParameterObject @ModelAttribute}, so that each is still a
 * documented query parameter). Checked by {@link Ledgers#listing} and the family's statuses.
 */
public record LedgerFilter(
    @Parameter(description = "社区编号；不填为可查看的全部社区") String communityId,
    @Parameter(description = "状态编码") String status,
    @Parameter(description = "只看本人的申请", schema = @Schema(type = "boolean", defaultValue = "false")) Boolean mine) {

  /** Only the person's own requests ({@code mine=true}); not given is false. */
  public boolean own() {
    return Boolean.TRUE.equals(mine);
  }

  /** The filters as the audit log records an export: 社区=…，状态=…，本人=是. */
  public String[] selection() {
    return new String[] {"社区", communityId, "状态", status, "本人", own() ? "是" : null};
  }
}
