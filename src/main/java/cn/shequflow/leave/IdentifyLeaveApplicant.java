package cn.shequflow.leave;

import cn.shequflow.core.organisation.CommunityMembership;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Person;
import cn.shequflow.core.process.BusinessKeys;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code leave-request}: the applicant is the authenticated user (a client
 * cannot apply in someone else's name), who must work in a community as staff or director; the
 * request gets its business key {@code LV-yyyy-nnnnnn} unless the client gave a unique one.
 */
@Component("identifyLeaveApplicant")
public class IdentifyLeaveApplicant implements ExecutionListener {

  static final String KEY_PREFIX = "LV";

  private final Organisation organisation;
  private final CurrentUser currentUser;
  private final BusinessKeys businessKeys;
  private final LeaveLedgerMapper ledger;

  public IdentifyLeaveApplicant(Organisation organisation, CurrentUser currentUser, BusinessKeys businessKeys,
      LeaveLedgerMapper ledger) {
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.businessKeys = businessKeys;
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String applicantId = applicant(execution);
    Person person = organisation.person(applicantId).orElseThrow(() ->
        new InvalidInputException("applicantId", "组织架构中没有用户“" + applicantId + "”"));
    CommunityMembership membership = organisation.communityMembership(applicantId).orElseThrow(() ->
        new InvalidInputException("applicantId", person.name() + "不是社区干部或居委会主任，不适用本请假流程"));

    execution.setVariable("applicantId", applicantId);
    execution.setVariable("applicantName", person.name());
    execution.setVariable("applicantRole", membership.leaveRole());
    execution.setVariable("communityId", membership.community().id());
    execution.setVariable("communityName", membership.community().name());

    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      do {
        key = businessKeys.next(KEY_PREFIX);
      } while (ledger.find(key) != null); // skip numbers a client already used as its own key
      execution.setProcessBusinessKey(key);
    } else if (key.length() > 32) {
      throw new InvalidInputException("businessKey", "业务编号不能超过 32 个字符");
    } else if (ledger.find(key) != null) {
      throw new InvalidInputException("businessKey", "业务编号 " + key + " 已被使用");
    }
    execution.setVariable("requestNo", key);
  }

  /** The authenticated user; only work without a user (tests, system) may name the applicant. */
  private String applicant(DelegateExecution execution) {
    String authenticated = currentUser.id();
    if (authenticated != null) {
      return authenticated;
    }
    if (execution.getVariable("applicantId") instanceof String given && !given.isBlank()) {
      return given;
    }
    throw new InvalidInputException("applicantId", "无法确定申请人：请用本人账号登录后提交");
  }
}
