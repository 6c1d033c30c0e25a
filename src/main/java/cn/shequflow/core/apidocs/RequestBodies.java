package cn.shequflow.core.apidocs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON bodies of the product API's operations as the document shows them. The controllers read
 * bodies as maps, so that a wrong type is a Chinese 400 naming the field rather than a parser error;
 * these records only describe them.
 */
public final class RequestBodies {

  private RequestBodies() {}

  @Schema(name = "HandOn", description = "转办或委派")
  public record HandOn(
      @Schema(description = "接收人的用户编号（同岗位、同单位，不能是申请人或其他社区的人员）", requiredMode = Schema.RequiredMode.REQUIRED) String userId,
      @Schema(description = "理由，最多 500 字") String reason) {}

  @Schema(name = "Copy", description = "抄送")
  public record Copy(
      @Schema(description = "抄送对象的用户编号（本社区人员和本类事项允许的街道岗位）", requiredMode = Schema.RequiredMode.REQUIRED) List<String> userIds,
      @Schema(description = "附言") String note) {}

  @Schema(name = "Note", description = "附言")
  public record Note(@Schema(description = "附言") String note) {}

  @Schema(name = "Reason", description = "理由")
  public record Reason(@Schema(description = "理由", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {}

  @Schema(name = "Return", description = "退回")
  public record Return(
      @Schema(description = "退回到的环节（见 return-targets）", requiredMode = Schema.RequiredMode.REQUIRED) String targetActivityId,
      @Schema(description = "退回理由", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {}

  @Schema(name = "AddSigner", description = "加签")
  public record AddSigner(
      @Schema(description = "加签人的用户编号", requiredMode = Schema.RequiredMode.REQUIRED) String userId,
      @Schema(description = "before：先由加签人审批；after：本人审批后再由加签人审批", allowableValues = {"before", "after"},
          requiredMode = Schema.RequiredMode.REQUIRED) String position,
      @Schema(description = "理由") String reason) {}

  @Schema(name = "Representatives", description = "社区居民代表总数")
  public record Representatives(
      @Schema(description = "全体居民代表人数（票决的法定人数和通过票数按此计算）", requiredMode = Schema.RequiredMode.REQUIRED)
      Integer representativesTotal) {}
}
