package cn.shequflow.core.cases;

import cn.shequflow.core.audit.TimelineChain;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.RoleAssignment;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Texts;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case register: the product's own record of every request, whatever its family. Routing,
 * approvals, deadlines and statuses read it (never a process variable). Models call it from
 * expressions, e.g. {@code camunda:assignee="${cases.of(execution).applicantId()}"} and, for every
 * status change, the one mechanism {@code ${cases.moveTo(execution, 'approved')}}.
 */
@Service("cases")
public class Cases {

  private final CaseMapper mapper;
  private final CaseFamilies families;
  private final Organisation organisation;
  private final CurrentUser currentUser;
  private final TimelineChain timelineChain;

  public Cases(CaseMapper mapper, CaseFamilies families, Organisation organisation, CurrentUser currentUser,
      TimelineChain timelineChain) {
    this.mapper = mapper;
    this.families = families;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.timelineChain = timelineChain;
  }

  /** The case of the process instance the execution belongs to. */
  public CaseRecord of(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    CaseRecord record = key == null ? null : mapper.find(key);
    if (record == null || !record.processInstanceId().equals(execution.getProcessInstanceId())) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
          + " has no case in the register (business key " + key + ")");
    }
    return record;
  }

  /**
   * The unit a case belongs to, from which its roles are resolved ({@code organisation.candidateGroup}):
   * its community; for an applicant acting in a street or district role (the justice office, say),
   * who has no community, the unit where he holds that role.
   */
  public String unitOf(CaseRecord record) {
    if (record.communityId() != null) {
      return record.communityId();
    }
    return organisation.roles(record.applicantId()).stream()
        .filter(r -> r.role().name().equals(record.applicantRole()))
        .map(RoleAssignment::unitId)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Applicant " + record.applicantId() + " of "
            + record.businessKey() + " no longer holds " + record.applicantRole() + ": the case has no unit"));
  }

  /** For models: {@code ${organisation.candidateGroup('JUSTICE_OFFICE', cases.unitOf(execution))}}. */
  public String unitOf(DelegateExecution execution) {
    return unitOf(of(execution));
  }

  public CaseRecord get(String businessKey) {
    return businessKey == null ? null : mapper.find(businessKey);
  }

  public boolean exists(String businessKey) {
    return mapper.count(businessKey) > 0;
  }

  public CaseFamily familyOf(CaseRecord record) {
    return families.byKey(record.family());
  }

  /** The one status mechanism: moves the case to {@code status} and records it on the timeline. */
  public void moveTo(DelegateExecution execution, String status) {
    moveTo(of(execution), status);
  }

  public void moveTo(CaseRecord record, String status) {
    CaseFamily family = familyOf(record);
    family.statusLabel(status); // refuses a status the family does not declare
    int updated = mapper.setStatus(record.businessKey(), status, family.closedStatuses().contains(status), Clock.now());
    // In a transaction the update locked the case's row until it ends: the timeline entry need not lock it again.
    event(record.businessKey(), currentUser.id(), status, null, null, null,
        updated == 1 && TransactionSynchronizationManager.isActualTransactionActive());
  }

  /** End listener of every family's process: the case is closed when its process ends. */
  public void close(DelegateExecution execution) {
    CaseRecord record = of(execution);
    if (record.closedAt() == null) {
      mapper.setStatus(record.businessKey(), record.status(), true, Clock.now());
    }
  }

  /** A resubmission starts a new round of the approval chain. */
  public int nextSubmission(DelegateExecution execution) {
    return nextSubmission(of(execution));
  }

  /** A new round of the approval chain, e.g. after a return (退回) to a task before the chain is fixed. */
  public int nextSubmission(CaseRecord record) {
    mapper.nextSubmission(record.businessKey(), Clock.now());
    return record.submission() + 1;
  }

  /** The one-line summary a family gives its case (Tasklist column 事项, ledgers). */
  public void describe(DelegateExecution execution, String subject) {
    mapper.setSubject(of(execution).businessKey(), subject);
  }

  public void event(String businessKey, String userId, String action, String taskName, Boolean approved,
      String comment) {
    event(businessKey, userId, action, taskName, approved, comment, false);
  }

  private void event(String businessKey, String userId, String action, String taskName, Boolean approved,
      String comment, boolean caseLocked) {
    String name = userId == null ? null : organisation.displayName(userId);
    // Chained to the case's previous entry (tamper evidence, issue 17); the time is kept to the second.
    CaseEvent event = new CaseEvent(null, businessKey, Clock.now(), userId, Texts.fit(name, MAX_NAME), action,
        Texts.fit(taskName, MAX_TASK_NAME), approved, Texts.fit(comment, MAX_COMMENT));
    if (caseLocked) {
      timelineChain.appendToLockedCase(event);
    } else {
      timelineChain.append(event);
    }
  }

  /**
   * Column lengths of {@code case_event} (V3): an entry is shortened to fit ({@link Texts#fit}: with
   * "…", never in the middle of a character), never refused for its length.
   */
  public static final int MAX_COMMENT = 1000;
  static final int MAX_TASK_NAME = 200;
  static final int MAX_NAME = 100;

  public List<CaseEvent> timeline(String businessKey) {
    return mapper.events(businessKey);
  }
}
