package cn.shequflow.core.cases;

import cn.shequflow.core.guard.Trusted;
import cn.shequflow.core.organisation.Membership;
import cn.shequflow.core.organisation.OrgUnit;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Person;
import cn.shequflow.core.organisation.UnitLevel;
import cn.shequflow.core.process.BusinessKeys;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Start listener of every family's process ({@code ${openCase}} on the start event): the applicant
 * is the authenticated user, in the community where he holds a role that may start the family; the
 * case gets its business key ({@code LV-2026-000042}; a client's own key only in that format, of
 * the filing year, and unused) and its row in the register. Sets the display variables every form shows.
 *
 * <p>A family the product starts itself (on a timer, never a person: its {@link CaseFamily} has no
 * starters) opens its case with {@link #openSystemCase} instead, from its own start listener.
 */
@Component("openCase")
public class OpenCase implements ExecutionListener {

  private final CaseFamilies families;
  private final CaseMapper mapper;
  private final Organisation organisation;
  private final CurrentUser currentUser;
  private final BusinessKeys businessKeys;
  private final Cases cases;

  public OpenCase(CaseFamilies families, CaseMapper mapper, Organisation organisation, CurrentUser currentUser,
      BusinessKeys businessKeys, Cases cases) {
    this.families = families;
    this.mapper = mapper;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.businessKeys = businessKeys;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // Not from the definition id: "key:version:uuid" becomes a bare uuid once it would exceed 64
    // characters (correction-residence-change).
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    CaseFamily family = families.byProcessKey(processKey)
        .orElseThrow(() -> new IllegalStateException("No case family for process " + processKey));
    String applicantId = currentUser.id();
    if (applicantId == null) {
      throw new InvalidInputException("applicantId", "无法确定申请人：请用本人账号登录后提交");
    }
    Person person = organisation.person(applicantId).orElseThrow(() ->
        new InvalidInputException("applicantId", "组织架构中没有用户“" + applicantId + "”"));
    Membership membership = organisation.membership(applicantId, family.starters()).orElseThrow(() ->
        new InvalidInputException("applicantId", person.name() + "的岗位不能发起" + family.label()));

    String key = businessKey(execution, family);
    LocalDateTime now = Clock.now();
    CaseRecord record = new CaseRecord(key, family.key(), execution.getProcessInstanceId(), applicantId,
        person.name(), membership.role().name(),
        membership.community() == null ? null : membership.community().id(),
        membership.community() == null ? null : membership.community().name(),
        family.label(), family.initialStatus(), 1, now, now, null);
    try {
      mapper.insert(record);
    } catch (DuplicateKeyException raced) {
      throw new InvalidInputException("businessKey", "业务编号 " + key + " 已被使用");
    }
    cases.event(key, applicantId, CaseActions.SUBMITTED, null, null, null);

    execution.setVariable("requestNo", key);
    execution.setVariable("applicantName", person.name());
    execution.setVariable("communityName", record.communityName() == null ? "" : record.communityName());
  }

  /**
   * Opens the case of a process the product starts itself, e.g. on a timer: there is no applicant
   * ({@link CaseRecord#SYSTEM_APPLICANT}), the community and the subject are the product's. The
   * family must have no starters (nobody may start it by hand), and a person starting the process
   * directly (an administrator, the only one with the right) is refused; the product's own code
   * starts it either with no authenticated user (the job executor) or inside {@link Trusted#run}.
   * Writes the register row, the timeline entry {@code opened} and the display variables
   * {@code requestNo} and {@code communityName}.
   */
  public CaseRecord openSystemCase(DelegateExecution execution, String communityId, String subject) {
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    CaseFamily family = families.byProcessKey(processKey)
        .orElseThrow(() -> new IllegalStateException("No case family for process " + processKey));
    if (!family.starters().isEmpty()) {
      throw new IllegalStateException("Family " + family.key() + " is started by people; its start event uses ${openCase}");
    }
    if (currentUser.id() != null && !Trusted.active()) {
      throw new InvalidInputException("processDefinitionKey", "“" + family.label() + "”由系统按时自动建立，不能手工发起");
    }
    OrgUnit community = organisation.unit(communityId)
        .filter(u -> u.unitLevel() == UnitLevel.COMMUNITY)
        .orElseThrow(() -> new IllegalStateException("Unknown community '" + communityId + "' for " + processKey));
    String key = businessKey(execution, family);
    LocalDateTime now = Clock.now();
    CaseRecord record = new CaseRecord(key, family.key(), execution.getProcessInstanceId(),
        CaseRecord.SYSTEM_APPLICANT, CaseRecord.SYSTEM_APPLICANT_NAME, CaseRecord.SYSTEM_ROLE,
        community.id(), community.name(), subject, family.initialStatus(), 1, now, now, null);
    try {
      mapper.insert(record);
    } catch (DuplicateKeyException raced) {
      throw new IllegalStateException("Business key " + key + " is taken", raced);
    }
    cases.event(key, null, CaseActions.OPENED, null, null, null);
    execution.setVariable("requestNo", key);
    execution.setVariable("communityName", community.name());
    return record;
  }

  private String businessKey(DelegateExecution execution, CaseFamily family) {
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isEmpty()) {
      String key;
      do {
        key = businessKeys.next(family.prefix());
      } while (mapper.count(key) > 0); // skip numbers a client already used as its own key
      execution.setProcessBusinessKey(key);
      return key;
    }
    if (!BusinessKeys.isFilingYearKey(family.prefix(), given)) {
      String example = BusinessKeys.example(family.prefix());
      throw new InvalidInputException("businessKey", "业务编号由系统生成；如自行指定，须是本年度（"
          + Clock.today().getYear() + "年）" + family.label() + "的编号，形如 " + example);
    }
    if (mapper.count(given) > 0) {
      throw new InvalidInputException("businessKey", "业务编号 " + given + " 已被使用");
    }
    return given;
  }
}
