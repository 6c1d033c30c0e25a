package cn.shequflow.core.inbox;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.contract.FormContract;
import cn.shequflow.core.contract.FormContracts;
import cn.shequflow.core.privacy.IdentityNumbers;
import cn.shequflow.core.privacy.PersonalData;
import cn.shequflow.core.process.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * 审批单: a case as one printable A4 page ({@code GET /api/cases/{businessKey}/sheet}, text/html):
 * the product's name, the family, case number, applicant, community and subject, the request's
 * facts (the process variables its start form declares, read from history, labelled as the form
 * labels them), the case's attachments by name (issue 19) and every entry of the timeline with name, time
 * and comment. An identity number is shown as the one policy ({@link PersonalData}) lets the reader see it. Everything shown is HTML-escaped. 404 for a case the user may not see, as the case itself.
 */
@Service
public class ApprovalSheet {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Cases cases;
  private final CommunityScope scope;
  private final HistoryService history;
  private final FormContracts forms;
  private final IdentityService identity;
  private final ProductRights product;
  private final PersonalData personalData;
  private final List<IdentityNumbers> identityNumbers;
  private final cn.shequflow.core.files.CaseFileRepository files;

  public ApprovalSheet(Cases cases, CommunityScope scope, HistoryService history, FormContracts forms,
      IdentityService identity, ProductRights product, PersonalData personalData,
      List<IdentityNumbers> identityNumbers, cn.shequflow.core.files.CaseFileRepository files) {
    this.files = files;
    this.cases = cases;
    this.scope = scope;
    this.history = history;
    this.forms = forms;
    this.identity = identity;
    this.product = product;
    this.personalData = personalData;
    this.identityNumbers = identityNumbers;
  }

  public String render(String businessKey) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    CaseRecord c = scope.visibleCase(auth.getUserId(), businessKey);
    CaseFamily family = cases.familyOf(c);
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
        .append("<title>").append(esc("审批单 " + c.businessKey() + " - 社区流程")).append("</title>")
        .append("<style>")
        .append("@page { size: A4; margin: 18mm 16mm; }")
        .append("body { font-family: 'SimSun','Songti SC','Noto Serif CJK SC',serif; font-size: 11pt; color: #000;")
        .append(" margin: 0 auto; max-width: 178mm; }")
        .append("header { text-align: center; border-bottom: 2px solid #000; margin-bottom: 6mm; }")
        .append("header .product { font-size: 10pt; letter-spacing: 2px; }")
        .append("h1 { font-size: 18pt; margin: 2mm 0 3mm; }")
        .append("h2 { font-size: 12pt; margin: 6mm 0 2mm; }")
        .append("table { width: 100%; border-collapse: collapse; page-break-inside: auto; }")
        .append("tr { page-break-inside: avoid; }")
        .append("th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }")
        .append("th { background: #f0f0f0; white-space: nowrap; width: 28mm; }")
        .append("table.log th { width: auto; }")
        .append("footer { margin-top: 8mm; font-size: 9pt; text-align: right; }")
        .append("@media print { th { background: none; } }")
        .append("</style></head><body>\n");
    h.append("<header><div class=\"product\">社区流程</div><h1>").append(esc(family.label())).append("审批单</h1></header>\n");
    h.append("<table class=\"case\">");
    row(h, "编号", c.businessKey());
    row(h, "事项", c.subject());
    row(h, "申请人", c.applicantName());
    row(h, "社区", c.communityName() == null ? "—" : c.communityName());
    row(h, "状态", family.statusLabel(c.status()));
    row(h, "提交时间", at(c.createdAt()));
    if (c.closedAt() != null) {
      row(h, "办结时间", at(c.closedAt()));
    }
    h.append("</table>\n");

    Map<String, String> facts = facts(c, auth.getUserId());
    if (!facts.isEmpty()) {
      h.append("<h2>申请内容</h2><table class=\"facts\">");
      facts.forEach((label, value) -> row(h, label, value));
      h.append("</table>\n");
    }

    // Issue 19: the case's attachments by name (the files themselves are in 审批记录, online).
    List<cn.shequflow.core.files.CaseFile> attached = files.ofCase(c.businessKey());
    if (!attached.isEmpty()) {
      h.append("<h2>附件</h2><table class=\"log files\"><thead><tr><th>类型</th><th>文件名</th><th>上传人</th>")
          .append("<th>上传时间</th><th>环节</th></tr></thead><tbody>");
      for (cn.shequflow.core.files.CaseFile f : attached) {
        h.append("<tr><td>").append(esc(cn.shequflow.core.files.FileKind.labelOf(f.kind()))).append("</td><td>")
            .append(esc(f.fileName())).append("</td><td>")
            .append(esc(f.uploadedByName() == null ? f.uploadedBy() : f.uploadedByName())).append("</td><td>")
            .append(esc(at(f.uploadedAt()))).append("</td><td>")
            .append(esc(f.taskName() == null ? "" : f.taskName())).append("</td></tr>");
      }
      h.append("</tbody></table>\n");
    }

    h.append("<h2>审批记录</h2><table class=\"log\"><thead><tr><th>时间</th><th>办理人</th><th>环节</th><th>操作</th>")
        .append("<th>意见</th></tr></thead><tbody>");
    for (CaseEvent e : cases.timeline(c.businessKey())) {
      h.append("<tr><td>").append(esc(at(e.occurredAt()))).append("</td><td>")
          .append(esc(e.userName() == null ? "系统" : e.userName())).append("</td><td>")
          .append(esc(e.taskName() == null ? "" : e.taskName())).append("</td><td>")
          .append(esc(CaseActions.label(e.action(), family))).append("</td><td>")
          .append(esc(e.comment() == null ? "" : e.comment())).append("</td></tr>");
    }
    h.append("</tbody></table>\n");
    h.append("<footer>打印时间：").append(esc(at(Clock.now()))).append("</footer>\n</body></html>\n");
    return h.toString();
  }

  /**
   * The request's facts: the start form's fields, labelled as the form labels them, valued from history;
   * an identity number as the one policy lets {@code userId} read it (PersonalData).
   */
  Map<String, String> facts(CaseRecord c, String userId) {
    return product.run(() -> {
      Map<String, String> facts = new LinkedHashMap<>();
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(c.processInstanceId()).singleResult();
      if (instance == null) {
        return facts;
      }
      FormContract contract = forms.forStart(instance.getProcessDefinitionId(), null);
      if (contract == null) {
        return facts;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(c.processInstanceId()).list()) {
        boolean instanceScoped = c.processInstanceId().equals(v.getActivityInstanceId());
        if (instanceScoped || !values.containsKey(v.getName())) {
          values.put(v.getName(), v.getValue()); // the instance's own variable wins over a local one
        }
      }
      for (FormContract.Field f : contract.fields().values()) {
        if (f.readonly() || !values.containsKey(f.key())) {
          continue;
        }
        Object value = PersonalData.IDENTITY_FIELDS.contains(f.key())
            ? identityNumber(c, userId, values.get(f.key())) : values.get(f.key());
        facts.put(f.label() == null || f.label().isBlank() ? f.key() : f.label(), f.display(show(value)));
      }
      return facts;
    });
  }

  /**
   * The identity number of the case as {@code userId} may read it: the whole number (from the family's
   * own register when its variables hold only the mask) and recorded, or the mask.
   */
  private String identityNumber(CaseRecord c, String userId, Object fromHistory) {
    String value = fromHistory == null ? null : fromHistory.toString();
    if (value == null || value.isEmpty() || !personalData.mayReadWhole(userId, c.family(), cases.unitOf(c))) {
      return PersonalData.mask(value);
    }
    String whole = PersonalData.isMasked(value) ? identityNumbers.stream().filter(n -> n.family().equals(c.family()))
        .map(n -> n.of(c.businessKey())).filter(java.util.Objects::nonNull).findFirst().orElse(value) : value;
    return personalData.reveal(userId, c.family(), cases.unitOf(c), whole, PersonalData.Surface.SHEET,
        c.businessKey(), null);
  }

  private static String show(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (value instanceof Date d) {
      return at(LocalDateTime.ofInstant(d.toInstant(), cn.shequflow.core.process.Inputs.ZONE));
    }
    return value.toString();
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  private static String at(LocalDateTime t) {
    return t == null ? "" : t.format(AT);
  }

  /** HTML-escapes text for element content and attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
