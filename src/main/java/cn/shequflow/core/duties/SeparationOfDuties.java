package cn.shequflow.core.duties;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.guard.Refusals;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.PolicyDecisions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The one separation-of-duties rule (回避): the parties to a case (its filer; the person it is
 * about, where that is a user) never hold a deciding task on it — approval, verification, sign-for,
 * voucher booking, vote recording, supervision. Which tasks decide is policy: decision
 * {@code taskDuty} ({@code processes/duties/duties.dmn}), where a task not listed decides, so a new
 * task is covered until an analyst says otherwise. Where the rule leaves a position with nobody, decision
 * {@code dutySubstitute} names the role that steps in; a case with nobody eligible is refused when
 * it is filed, never approved by nobody.
 *
 * <p>Read by the approval chain ({@link #eligibleRole}), by the group of non-chain deciding tasks
 * ({@link #candidateGroup}, e.g. booking a voucher), and on every claim, assignment and completion of
 * every user task ({@link DutyTaskListener}), whatever route the command came by.
 */
@Service("duties")
public class SeparationOfDuties {

  public static final String TASK_DUTY = "taskDuty";
  public static final String SUBSTITUTE = "dutySubstitute";
  public static final String FILER_IS_PARTY = "filerIsParty";
  public static final String DECIDE = "decide";

  private final Cases cases;
  private final Organisation organisation;
  private final PolicyDecisions policies;

  public SeparationOfDuties(Cases cases, Organisation organisation, PolicyDecisions policies) {
    this.cases = cases;
    this.organisation = organisation;
    this.policies = policies;
  }

  /**
   * The people a case is about or came from, who may not decide it: its filer, unless the policy
   * ({@code filerIsParty}) says the family is filed on someone's behalf (the justice office registers a
   * correction person's request; the correction person is not a user).
   */
  public Set<String> parties(CaseRecord record) {
    if (record.systemCase() || record.applicantId() == null) {
      return Set.of();
    }
    boolean filerIsParty = !Boolean.FALSE.equals(evaluate(FILER_IS_PARTY, Map.of("family", record.family()))
        .map(e -> e.get("filerIsParty")).orElse(true));
    return filerIsParty ? Set.of(record.applicantId()) : Set.of();
  }

  /** Whether the task {@code taskKey} of process {@code processKey} decides (policy {@code taskDuty}). */
  public boolean decides(String processKey, String taskKey) {
    Object duty = evaluate(TASK_DUTY, Map.of("processKey", processKey, "taskKey", taskKey))
        .map(e -> e.get("duty")).orElse(DECIDE);
    return DECIDE.equals(duty);
  }

  /** Whether {@code userId} may hold the task {@code taskKey} of the case: not a party to it, or the task does not decide. */
  public boolean mayHold(String userId, CaseRecord record, String processKey, String taskKey) {
    return userId == null || record == null || !parties(record).contains(userId) || !decides(processKey, taskKey);
  }

  /** Refuses (403) a party of the case holding or completing a deciding task. */
  public void checkMayDecide(String userId, CaseRecord record, String processKey, String taskKey, String taskName) {
    if (!mayHold(userId, record, processKey, taskKey)) {
      throw Refusals.forbidden("回避：" + organisation.displayName(userId) + "是事项 " + record.businessKey()
          + " 的申请人，不能办理其中的“" + taskName + "”，请由其他人员办理");
    }
  }

  /**
   * The role that decides a position of {@code role} on the case: the role itself if somebody who
   * is not a party holds it for the case's unit, else the substitute the policy names (and so on);
   * none → 400 naming {@code approvalChain}, so the case is refused when filed.
   */
  public Role eligibleRole(CaseRecord record, Role role) {
    String unit = cases.unitOf(record);
    Role current = role;
    for (int i = 0; i < 5; i++) {
      if (hasEligibleHolder(record, current, unit)) {
        return current;
      }
      Role substitute = substitute(record, current);
      if (substitute == null) {
        break;
      }
      current = substitute;
    }
    throw new InvalidInputException("approvalChain", "回避：" + role.label() + "只有申请人本人，且没有可代为办理的岗位，"
        + "本申请无法提交。请联系管理员在回避规则中指定代为办理的岗位");
  }

  /**
   * For models: the group of a deciding task held by the first of {@code roles} with a holder who
   * is not a party to the case, e.g. {@code ${duties.candidateGroup(execution, 'BOOKKEEPER', 'DIRECTOR')}}.
   */
  public String candidateGroup(DelegateExecution execution, String... roles) {
    CaseRecord record = cases.of(execution);
    String unit = cases.unitOf(record);
    for (String name : roles) {
      Role role = Role.parse(name);
      if (!organisation.holders(role, organisation.unitFor(role, unit).id()).isEmpty()) {
        return organisation.candidateGroup(eligibleRole(record, role).name(), unit);
      }
    }
    return organisation.firstCandidateGroup(unit, roles);
  }

  private boolean hasEligibleHolder(CaseRecord record, Role role, String unit) {
    Set<String> parties = parties(record);
    List<String> holders = organisation.holders(role, organisation.unitFor(role, unit).id());
    return holders.stream().anyMatch(h -> !parties.contains(h));
  }

  private Role substitute(CaseRecord record, Role role) {
    return evaluate(SUBSTITUTE, Map.of("family", record.family(), "role", role.name()))
        .map(e -> (String) e.get("substituteRole"))
        .map(Role::parse)
        .orElse(null);
  }

  /** A policy decision ({@link PolicyDecisions}: latest version, no permissions, no decision history). */
  private Optional<DmnDecisionResultEntries> evaluate(String decisionKey, Map<String, Object> inputs) {
    var result = policies.evaluate(decisionKey, inputs);
    return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
  }
}
