package cn.shequflow.core.cases;

import java.util.Map;

/** Chinese labels of the timeline's actions; a status change is labelled with the family's status. */
public final class CaseActions {

  public static final String SUBMITTED = "submitted";
  /** A case the product opened itself (no applicant). */
  public static final String OPENED = "opened";
  public static final String RESUBMITTED = "resubmitted";
  public static final String APPROVED = "approve";
  public static final String REJECTED = "reject";

  // approval operations: return/withdraw/add-signer (ApprovalOperations)
  public static final String RETURNED = "return";
  public static final String WITHDRAWN = "withdraw";
  public static final String DECISION_WITHDRAWN = "withdraw-decision";
  public static final String SIGNER_ADDED_BEFORE = "add-signer-before";
  public static final String SIGNER_ADDED_AFTER = "add-signer-after";
  /** 作废: an approved request voided before it took effect (CaseVoiding); the status entry follows. */
  public static final String VOIDED = "void";

  // approval operations: transfer/delegate/cc/urge (issue 10, cn.shequflow.core.inbox)
  public static final String TRANSFERRED = "transfer";
  public static final String DELEGATED = "delegate";
  /** The delegate's opinion when he hands the task back: recorded, never the decision. */
  public static final String DELEGATE_RESOLVED = "delegate-resolved";
  public static final String CC = "cc";
  public static final String URGED = "urge";

  /** A file added to the case (issue 19); the comment names its kind and file name. */
  public static final String FILE_ADDED = "file-added";
  /** A file deleted by its uploader (soft delete); the comment names its kind and file name. */
  public static final String FILE_DELETED = "file-deleted";

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry(SUBMITTED, "提交申请"),
      Map.entry(OPENED, "系统建立"),
      Map.entry(RESUBMITTED, "重新提交"),
      Map.entry(APPROVED, "同意"),
      Map.entry(REJECTED, "不同意"),
      Map.entry("cover", "安排顶岗"),
      Map.entry("chased", "督促"),
      Map.entry("vote-passed", "票决通过"),
      Map.entry("vote-failed", "票决未通过"),
      Map.entry("related-expenses", "关联开支提示"),
      Map.entry("property-damaged", "财物损坏"),
      Map.entry("property-lost", "财物遗失"),
      Map.entry("reported", "报账"),
      Map.entry("disclosure-posted", "张贴公示"),
      Map.entry("disclosure-taken-down", "撤下公示"),

      // community correction
      Map.entry("proofs-verified", "核验证明材料"),
      Map.entry("procuratorate-informed", "告知检察院"),
      Map.entry("receiving-opinion", "征求迁入地意见"),
      Map.entry("handed-over", "移交档案"),
      Map.entry("copied", "抄送"),
      Map.entry("reported-in", "报到"),
      Map.entry("resident-moved-out", "居民登记迁出"),
      // resident register
      Map.entry("late-flag", "逾期登记"),
      Map.entry("police-notified", "通知社区民警"),
      // incidents
      Map.entry("signed-for", "签收"),
      Map.entry("not-accepted-in-time", "超时未签收"),
      Map.entry("leader-escalation", "督办升级"),
      Map.entry("leader-supervised", "主管领导督办意见"),
      Map.entry("reported-result", "报告处置结果"),
      Map.entry("handled", "处置"),
      Map.entry("handed-to-police", "移交公安、消防"),
      Map.entry("contingency", "启动应急预案"),
      Map.entry("overdue-yellow", "黄灯督办"),
      Map.entry("overdue-red", "红灯，区督办"),
      Map.entry("supervised", "区督办意见"),
      Map.entry("residence-handover", "提醒办理居民登记"),
      Map.entry("confirmed", "确认办理结果"),
      Map.entry("unsatisfied", "不满意，要求重新办理"),

      // approval operations: return/withdraw/add-signer
      Map.entry(RETURNED, "退回"),
      Map.entry(WITHDRAWN, "撤回申请"),
      Map.entry(DECISION_WITHDRAWN, "撤回审批意见"),
      Map.entry(SIGNER_ADDED_BEFORE, "前加签"),
      Map.entry(SIGNER_ADDED_AFTER, "后加签"),
      Map.entry(VOIDED, "作废"),

      // approval operations: transfer/delegate/cc/urge
      Map.entry(TRANSFERRED, "转办"),
      Map.entry(DELEGATED, "委派"),
      Map.entry(DELEGATE_RESOLVED, "委派处理意见"),
      Map.entry(CC, "抄送"),
      Map.entry(URGED, "催办"),

      // attachments (issue 19, cn.shequflow.core.files)
      Map.entry(FILE_ADDED, "上传附件"),
      Map.entry(FILE_DELETED, "删除附件"));

  private CaseActions() {}

  /** The Chinese label of a timeline action, or the action itself when it has none of its own. */
  public static String labelOf(String action) {
    return LABELS.getOrDefault(action, action);
  }

  public static String label(String action, CaseFamily family) {
    String label = LABELS.get(action);
    if (label != null) {
      return label;
    }
    return family.statuses().getOrDefault(action, action);
  }
}
