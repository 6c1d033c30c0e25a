package cn.shequflow.incident;

import static cn.shequflow.incident.IncidentVariables.*;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Notifications;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Bean {@code incidents}: every step of {@code incident-report} the model calls by expression. The
 * facts, the handler and the traffic light (IN-5) live in the {@code incident} table; the light is
 * mirrored into the process variable {@code slaStatus} for display only and never read back.
 */
@Component("incidents")
public class Incidents {

  public static final int MAX_TITLE = 100;
  public static final int MAX_DESCRIPTION = 2000;
  public static final int MAX_LOCATION = 200;
  public static final int MAX_RESULT = 2000;
  public static final int MAX_REASON = 500;
  /** Words in a description that mean a community-correction person is involved (IN-10). */
  /** RULES.md IN-3's half a working day, used only if the policy gives no street-department limit. */
  static final String DEFAULT_STREET_ACCEPT = "PT3H30M";
  private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm");
  static final Set<String> CORRECTION_WORDS = Set.of("社区矫正", "矫正对象", "矫正人员");

  private final IncidentRegister register;
  private final Cases cases;
  private final Deadlines deadlines;
  private final Organisation organisation;
  private final Notifications notifications;
  private final CurrentUser currentUser;
  private final IncidentResidenceLink residenceLink;

  public Incidents(IncidentRegister register, Cases cases, Deadlines deadlines, Organisation organisation,
      Notifications notifications, CurrentUser currentUser, IncidentResidenceLink residenceLink) {
    this.residenceLink = residenceLink;
    this.register = register;
    this.cases = cases;
    this.deadlines = deadlines;
    this.organisation = organisation;
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  /** The start's rules the form cannot express; throws {@link InvalidInputException} naming the field. */
  public static void validate(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    in.requiredEnum(CATEGORY, "事件类别", CATEGORIES);
    in.requiredEnum(SEVERITY, "紧急程度", SEVERITIES);
    in.requiredText(TITLE, "标题", MAX_TITLE);
    in.requiredText(DESCRIPTION, "事件描述", MAX_DESCRIPTION);
    in.requiredText(LOCATION, "发生地点", MAX_LOCATION);
  }

  /** Service task {@code registerIncident}. */
  public void register(DelegateExecution execution) {
    validate(execution);
    Inputs in = Inputs.of(execution);
    String title = in.requiredText(TITLE, "标题", MAX_TITLE);
    String key = cases.of(execution).businessKey();
    register.insert(key, (String) execution.getVariable(CATEGORY), (String) execution.getVariable(SEVERITY), title,
        in.requiredText(DESCRIPTION, "事件描述", MAX_DESCRIPTION), in.requiredText(LOCATION, "发生地点", MAX_LOCATION));
    cases.describe(execution, title);
    mirrorLight(execution, "GREEN");
  }

  /**
   * End listener of the business rule task {@code decidePolicy}: the policy's limits (ISO durations:
   * {@code PT2H} working or wall-clock time, {@code P3D} working or calendar days) become the case's
   * deadlines {@code accept}, {@code settle} and {@code settleRed} (IN-D1: overdue by as long again as the
   * limit); emergencies count wall-clock time, the rest working time.
   */
  @SuppressWarnings("unchecked")
  public void applyPolicy(DelegateExecution execution) {
    Map<String, Object> policy = (Map<String, Object>) execution.getVariable("policy");
    String key = execution.getProcessBusinessKey();
    boolean wallClock = "emergency".equals(register.find(key).severity());
    LocalDateTime now = Clock.now();
    register.handlerRole(key, (String) policy.get("handlerRole"));
    String accept = (String) policy.get("acceptLimit");
    if (accept != null && !accept.isBlank()) {
      deadlines.set(key, "accept", after(now, accept, wallClock));
    }
    setSettle(key, now, (String) policy.get("settleLimit"), wallClock);
  }

  private void setSettle(String key, LocalDateTime from, String limit, boolean wallClock) {
    LocalDateTime settle = after(from, limit, wallClock);
    deadlines.set(key, "settle", settle);
    deadlines.set(key, "settleRed", after(settle, limit, wallClock));
  }

  /** {@code limit} after {@code from}: a time limit ({@code PT…}) or a limit in days ({@code P3D}). */
  public LocalDateTime after(LocalDateTime from, String limit, boolean wallClock) {
    if (limit.startsWith("PT")) {
      Duration d = Duration.parse(limit);
      return wallClock ? deadlines.afterWallClock(from, d) : deadlines.afterWorkingTime(from, d);
    }
    int days = java.time.Period.parse(limit).getDays();
    return wallClock ? from.plusDays(days) : deadlines.closeOfWorkingDayAfter(from.toLocalDate(), days);
  }

  /** The group that accepts (签收) a coordination case: the policy's role at the case's community. */
  public String acceptGroup(DelegateExecution execution) {
    IncidentEntry e = register.find(execution.getProcessBusinessKey());
    return organisation.candidateGroup(e.handlerRole(), e.communityId());
  }

  /** The group that handles the case: the accepting community group, or the street department once escalated. */
  public String handlerGroup(DelegateExecution execution) {
    IncidentEntry e = register.find(execution.getProcessBusinessKey());
    String role = e.escalated() || "emergency".equals(e.severity()) ? Role.STREET_DEPARTMENT.name() : e.handlerRole();
    return organisation.candidateGroup(role, e.communityId());
  }

  public String group(DelegateExecution execution, String role) {
    return organisation.candidateGroup(role, cases.unitOf(execution));
  }

  /** Complete listener of {@code acceptIncident}: who accepted (签收), and when. */
  public void accepted(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    String user = currentUser.idOr(task.getAssignee());
    register.accepted(record.businessKey(), user, Clock.now());
    Object note = task.getVariable(ACCEPT_NOTE);
    cases.event(record.businessKey(), user, "signed-for", task.getName(), null,
        note instanceof String s && !s.isBlank() ? s.strip() : null);
    cases.moveTo(record, IncidentFamily.ACCEPTED);
  }

  /** Service task {@code escalateIncident} (IN-3, IN-6): not accepted in time, the street department takes it. */
  public void escalate(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    register.escalated(record.businessKey(), Role.STREET_DEPARTMENT.name());
    cases.event(record.businessKey(), null, "not-accepted-in-time", null, null, "社区未在时限内签收，自动升级至街道综治办");
    cases.moveTo(record, IncidentFamily.ESCALATED);
    // IN-5, IN-6: not signed for in time is overdue (YELLOW); as long again unsigned is RED (IN-D1).
    LocalDateTime accept = deadlines.get(record.businessKey(), "accept");
    String acceptLimit = policyValue(execution, "acceptLimit");
    if (accept != null && acceptLimit != null && !acceptLimit.isBlank()) {
      deadlines.set(record.businessKey(), "acceptRed", after(accept, acceptLimit, false));
    }
    if ("GREEN".equals(register.find(record.businessKey()).slaStatus())) {
      setLight(execution, "YELLOW");
      cases.event(record.businessKey(), null, "overdue-yellow", null, null, "未在时限内签收，黄灯督办");
    }
    String limit = policyValue(execution, "streetAcceptLimit");
    LocalDateTime streetAccept = after(Clock.now(), limit == null || limit.isBlank() ? DEFAULT_STREET_ACCEPT : limit, false);
    deadlines.set(record.businessKey(), "streetAccept", streetAccept);
    notifyRole(record, Role.STREET_DEPARTMENT, "事件 " + record.businessKey() + "（" + record.subject()
        + "）社区未在时限内签收，已升级至街道综治办，请于 " + streetAccept.format(AT) + " 前签收处置。");
  }

  /** Complete listener of {@code streetAcceptIncident} (IN-3): the street department signed for it (签收) in time. */
  public void streetSigned(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    String user = currentUser.idOr(task.getAssignee());
    register.accepted(record.businessKey(), user, Clock.now());
    Object note = task.getVariable(ACCEPT_NOTE);
    cases.event(record.businessKey(), user, "signed-for", task.getName(), null,
        note instanceof String s && !s.isBlank() ? s.strip() : "街道综治办签收");
  }

  /**
   * Service task {@code escalateToLeader} (IN-3): the street department did not sign for it within its
   * limit; the case goes up to the leader in charge of community affairs (督办升级).
   */
  public void escalateToLeader(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.event(record.businessKey(), null, "leader-escalation", null, null,
        "街道综治办未在半个工作日内签收，督办升级至主管社区领导");
    notifyRole(record, Role.LEADER_IN_CHARGE, "事件 " + record.businessKey() + "（" + record.subject()
        + "）街道综治办未在时限内签收，已升级至您督办。");
  }

  /** Complete listener of {@code leaderSupervise} (IN-3): the leader's instruction; the street department handles it. */
  public void leaderSupervised(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    String note = Inputs.of(task).optionalText(SUPERVISION_NOTE, "督办意见", MAX_REASON);
    cases.event(record.businessKey(), currentUser.idOr(task.getAssignee()), "leader-supervised", task.getName(), null, note);
    notifyRole(record, Role.STREET_DEPARTMENT, "主管社区领导已督办事件 " + record.businessKey() + "（" + record.subject()
        + "）" + (note == null ? "" : "：" + note) + "。请立即处置。");
  }

  /** Complete listener of the handling tasks: the result, the hand-over to police/fire (IN-9), IN-10. */
  public void handled(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    Inputs in = Inputs.of(task);
    String result = in.requiredText(RESULT, "处置情况", MAX_RESULT);
    boolean police = Boolean.TRUE.equals(in.optionalBoolean(HANDED_TO_POLICE, "移交公安、消防"));
    boolean correctionTicked = Boolean.TRUE.equals(in.optionalBoolean(CORRECTION_PERSON, "涉及社区矫正人员"));
    String user = currentUser.idOr(task.getAssignee());
    IncidentEntry e = register.find(record.businessKey());
    boolean correction = correctionTicked
        || ("emergency".equals(e.severity()) && CORRECTION_WORDS.stream().anyMatch(e.description()::contains));
    register.handled(record.businessKey(), result, user, Clock.now(), police, correction);
    cases.event(record.businessKey(), user, "handled", task.getName(), null, result);
    if (police) {
      cases.event(record.businessKey(), user, "handed-to-police", task.getName(), null,
          "网格无法处置，已移交公安、消防部门");
    }
    if (correction && !e.correctionPerson()) {
      cases.event(record.businessKey(), user, "contingency", task.getName(), null,
          "涉及社区矫正人员，启动应急预案，通报公安机关和检察机关");
      notifyRole(record, Role.JUSTICE_OFFICE, "紧急事件 " + record.businessKey() + "（" + record.subject()
          + "）涉及社区矫正人员，已启动应急预案，请会同公安机关、检察机关处置。");
    }
  }

  /** Service task {@code feedBackResult} (IN-8): the result goes back to the reporter. */
  public void feedBack(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, IncidentFamily.HANDLED);
    notifications.send(record.applicantId(), record.businessKey(), "您上报的事件 " + record.businessKey() + "（"
        + record.subject() + "）已处置：" + register.find(record.businessKey()).result() + "。请确认是否满意。");
  }

  /** Complete listener of {@code confirmResult} (IN-8): satisfied, reopened once with the reason, or archived. */
  public void confirmed(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    Inputs in = Inputs.of(task);
    boolean satisfied = Boolean.TRUE.equals(in.optionalBoolean(SATISFIED, "对办理结果满意"));
    String reason = in.optionalText(REOPEN_REASON, "不满意的理由", MAX_REASON);
    IncidentEntry e = register.find(record.businessKey());
    if (satisfied) {
      register.satisfied(record.businessKey(), true);
      cases.event(record.businessKey(), record.applicantId(), "confirmed", task.getName(), true, reason);
    } else if (e.reopenCount() == 0) {
      if (reason == null) {
        throw new InvalidInputException(REOPEN_REASON, "不满意时须填写理由，事件将重新办理一次");
      }
      register.reopened(record.businessKey(), reason);
      cases.event(record.businessKey(), record.applicantId(), "unsatisfied", task.getName(), false, reason);
      cases.moveTo(record, IncidentFamily.REOPENED);
      // A fresh limit to settle it again, but the light stays: it clears only when the case is resolved (IN-5).
      setSettle(record.businessKey(), Clock.now(), settleLimit(task.getExecution()), "emergency".equals(e.severity()));
    } else {
      register.satisfied(record.businessKey(), false);
      cases.event(record.businessKey(), record.applicantId(), "confirmed", task.getName(), false,
          reason == null ? "仍不满意；已重新办理过一次，按规定归档" : reason + "（已重新办理过一次，按规定归档）");
    }
  }

  private static String settleLimit(DelegateExecution execution) {
    return policyValue(execution, "settleLimit");
  }

  @SuppressWarnings("unchecked")
  private static String policyValue(DelegateExecution execution, String output) {
    return (String) ((Map<String, Object>) execution.getVariable("policy")).get(output);
  }

  /** Gateway after {@code confirmResult}: reopen now (the case was just reopened, IN-8). */
  public boolean reopenNow(DelegateExecution execution) {
    return IncidentFamily.REOPENED.equals(cases.of(execution).status());
  }

  /** Service task {@code markYellow} (IN-4, IN-5): overdue; the handler and the street department are chased (督办). */
  public void yellow(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    if (!"GREEN".equals(register.find(record.businessKey()).slaStatus())) {
      return; // the other emergency task's timer already chased it
    }
    setLight(execution, "YELLOW");
    cases.event(record.businessKey(), null, "overdue-yellow", null, null, "超过办结时限，黄灯督办");
    String message = "事件 " + record.businessKey() + "（" + record.subject() + "）已超过办结时限（黄灯），请尽快办结。";
    IncidentEntry e = register.find(record.businessKey());
    Set<String> to = new LinkedHashSet<>();
    if (e.acceptedBy() != null) {
      to.add(e.acceptedBy());
    }
    String role = e.escalated() || "emergency".equals(e.severity()) ? Role.STREET_DEPARTMENT.name() : e.handlerRole();
    to.addAll(organisation.holders(Role.valueOf(role), organisation.unitFor(Role.valueOf(role), record.communityId()).id()));
    to.addAll(holders(record, Role.STREET_DEPARTMENT));
    if ("emergency".equals(e.severity())) {
      to.addAll(holders(record, Role.DIRECTOR));
    }
    to.forEach(u -> notifications.send(u, record.businessKey(), message));
  }

  /** Gateway {@code emergencyRedOnce}: the case is already RED (the other emergency task's timer came first). */
  public boolean isRed(DelegateExecution execution) {
    return "RED".equals(register.find(execution.getProcessBusinessKey()).slaStatus());
  }

  /** Service task {@code markRed} (IN-5, IN-D1): long overdue; the district supervises. */
  public void red(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    setLight(execution, "RED");
    cases.event(record.businessKey(), null, "overdue-red", null, null, "超期已达原时限一倍，红灯，区督办");
    notifyRole(record, Role.DISTRICT_SUPERVISION, "事件 " + record.businessKey() + "（" + record.subject()
        + "）严重超期（红灯），请督办。");
  }

  /** Service task {@code archiveIncident}: closed, the light clears (IN-5), archived with its result (IN-2). */
  public void archive(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    register.closed(record.businessKey(), Clock.now());
    mirrorLight(execution, "GREEN");
    cases.moveTo(record, IncidentFamily.CLOSED);
    IncidentEntry e = register.find(record.businessKey());
    if (IncidentResidenceLink.CATEGORIES.contains(e.category())) {
      residenceLink.closed(e);
    }
    if ("coordination".equals(e.severity())) {
      reportResult(record, e);
    }
  }

  /**
   * IN-2: a closed coordination case reports its result to the street department and the leader in
   * charge of community affairs (a notification each, and the timeline entry 报告处置结果).
   */
  private void reportResult(CaseRecord record, IncidentEntry e) {
    Set<String> to = new LinkedHashSet<>(holders(record, Role.STREET_DEPARTMENT));
    to.addAll(holders(record, Role.LEADER_IN_CHARGE));
    String message = "事件 " + record.businessKey() + "（" + record.subject() + "）已办结，处置结果：" + e.result() + "。";
    to.forEach(u -> notifications.send(u, record.businessKey(), message));
    cases.event(record.businessKey(), null, "reported-result", null, null,
        "处置结果已报告街道综治办和主管社区领导：" + e.result());
  }

  /** Complete listener of {@code superviseIncident}. */
  public void supervised(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    String note = Inputs.of(task).optionalText(SUPERVISION_NOTE, "督办意见", MAX_REASON);
    cases.event(record.businessKey(), currentUser.idOr(task.getAssignee()), "supervised", task.getName(), null, note);
  }

  /** Tasklist priority of a light (IN-5): GREEN 50, YELLOW 75, RED 100. */
  public static int priorityOf(String light) {
    return switch (light == null ? "GREEN" : light) {
      case "RED" -> 100;
      case "YELLOW" -> 75;
      default -> 50;
    };
  }

  /** {@code camunda:priority} of every incident task: the priority of the case's light when the task opens. */
  public int priority(DelegateExecution execution) {
    return priorityOf(register.find(execution.getProcessBusinessKey()).slaStatus());
  }

  private void setLight(DelegateExecution execution, String light) {
    register.light(execution.getProcessBusinessKey(), light);
    mirrorLight(execution, light);
    reprioritise(execution, light);
  }

  /**
   * The case's open tasks take the priority of the new light. The product's own write, on the task
   * entities of this command (no client command, so no guard is involved).
   */
  private static void reprioritise(DelegateExecution execution, String light) {
    int priority = priorityOf(light);
    Context.getCommandContext().getTaskManager()
        .findTasksByProcessInstanceId(execution.getProcessInstanceId())
        .forEach(t -> {
          if (t.getPriority() != priority) {
            t.setPriority(priority);
          }
        });
  }

  private static void mirrorLight(DelegateExecution execution, String light) {
    execution.getProcessInstance().setVariable(SLA_STATUS, light);
    execution.getProcessInstance().setVariable(IncidentVariables.SLA_LABEL, IncidentBadges.lightLabel(light));
  }

  private java.util.List<String> holders(CaseRecord record, Role role) {
    return organisation.holders(role, organisation.unitFor(role, record.communityId()).id());
  }

  private void notifyRole(CaseRecord record, Role role, String message) {
    holders(record, role).forEach(u -> notifications.send(u, record.businessKey(), message));
  }
}
