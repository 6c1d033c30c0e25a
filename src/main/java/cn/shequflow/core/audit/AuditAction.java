package cn.shequflow.core.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an audit entry records; {@link #code} is stored, {@link #label} is what the page shows. */
public enum AuditAction {
  LOGIN("login", "登录"),
  LOGIN_FAILED("login-failed", "登录失败"),
  PASSWORD_CHANGED("password-changed", "修改密码"),
  REFUSED("refused", "操作被拒绝"),
  USER_CREATED("user-created", "新建用户"),
  USER_UPDATED("user-updated", "修改用户"),
  USER_DELETED("user-deleted", "删除用户"),
  USER_UNLOCKED("user-unlocked", "解锁用户"),
  GROUP_SAVED("group-saved", "新建或修改用户组"),
  GROUP_DELETED("group-deleted", "删除用户组"),
  MEMBERSHIP_ADDED("membership-added", "加入用户组"),
  MEMBERSHIP_REMOVED("membership-removed", "移出用户组"),
  TENANT_CHANGED("tenant-changed", "修改租户"),
  GRANT_SAVED("grant-saved", "新建或修改授权"),
  GRANT_DELETED("grant-deleted", "删除授权"),
  FILTER_SAVED("filter-saved", "新建或修改任务筛选"),
  FILTER_DELETED("filter-deleted", "删除任务筛选"),
  DEPLOYED("deployed", "部署流程"),
  DEPLOYMENT_DELETED("deployment-deleted", "删除部署"),
  CASE_OPERATION("case-operation", "审批操作"),
  EXPORT("export", "导出"),
  ADMIN_COMMAND("admin-command", "管理员操作"),
  /** Seeing a whole identity number (the privacy package's reveal, wired through {@link AuditLog#reveal}). */
  REVEAL("reveal", "查看完整身份信息"),
  /** A file added to a case (issue 19); its downloads with personal data are {@link #REVEAL}s. */
  FILE_ADDED("file-added", "上传附件"),
  /** A file deleted by its uploader (soft delete, issue 19). */
  FILE_DELETED("file-deleted", "删除附件"),
  RETENTION_PURGE("retention-purge", "清理超过保存期限的审计记录"),
  /**
   * Attachments removed by the nightly file retention (issue 19): a case's files once its history is
   * cleaned, the bytes of a file deleted by its uploader.
   */
  FILES_PURGED("files-purged", "清理附件");

  public final String code;
  public final String label;

  AuditAction(String code, String label) {
    this.code = code;
    this.label = label;
  }

  private static final Map<String, AuditAction> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(a -> a.code, Function.identity()));

  /** The action stored as {@code code}, or null. */
  public static AuditAction of(String code) {
    return code == null ? null : BY_CODE.get(code);
  }

  public static String labelOf(String code) {
    AuditAction a = of(code);
    return a == null ? code : a.label;
  }
}
