package cn.shequflow.incident;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.ProcessTestSupport;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code incident-report}; the clock stands at Monday 23 November 2026, 09:00. */
class IncidentProcessTest extends ProcessTestSupport {

  static final String KEY = "incident-report";

  @Autowired IncidentRegister register;
  @Autowired Cases cases;
  @Autowired Deadlines deadlines;
  @Autowired Incidents incidents;
  @Autowired cn.shequflow.core.process.Notifications notifications;

  static Map<String, Object> report(String severity, String category) {
    Map<String, Object> v = new HashMap<>();
    v.put("category", category);
    v.put("severity", severity);
    v.put("title", "楼道堆放杂物");
    v.put("description", "3 栋 2 单元楼道堆放大量纸箱，存在消防隐患");
    v.put("location", "造纸社区 3 栋 2 单元");
    return v;
  }

  static Map<String, Object> vars(Object... kv) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    return v;
  }

  private IncidentEntry entry(ProcessInstance pi) {
    return register.find(pi.getBusinessKey());
  }


  private Object sla(ProcessInstance pi) {
    return runtime.getVariable(pi.getId(), "slaStatus");
  }

  @Test
  @DisplayName("IN-2: a routine matter is handled on the spot by the reporter and archived with its result")
  void routine() {
    ProcessInstance pi = startAs("he.grid", KEY, report("routine", "other"));
    Assertions.assertThat(pi.getBusinessKey()).startsWith("IR-2026-");
    Task t = onlyTaskFor("he.grid", pi);
    assertThat(t).hasDefinitionKey("handleOnSite").isAssignedTo("he.grid");
    completeAs("he.grid", t, vars("result", "已劝导住户清理"));
    assertThat(pi).isEnded();
    Assertions.assertThat(entry(pi).result()).isEqualTo("已劝导住户清理");
    Assertions.assertThat(entry(pi).status()).isEqualTo("closed");
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("GREEN");
  }

  @Test
  @DisplayName("IN-2, IN-3, IN-8: coordination accepted in time by the director, handled, confirmed, archived")
  void coordinationAccepted() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    Task accept = onlyTaskFor("zhang.director", pi);
    assertThat(accept).hasDefinitionKey("acceptIncident");
    Assertions.assertThat(visibleTo("xu.grid", pi)).isEmpty();
    Assertions.assertThat(accept.getDueDate()).isEqualTo(cn.shequflow.core.process.Clock.toDate(LocalDateTime.of(2026, 11, 23, 11, 0)));
    Assertions.assertThat(sla(pi)).isEqualTo("GREEN");
    completeAs("zhang.director", accept, vars("acceptNote", "已签收"));
    Task handle = onlyTaskFor("zhang.director", pi);
    assertThat(handle).hasDefinitionKey("handleIncident");
    completeAs("zhang.director", handle, vars("result", "已清理"));
    Task confirm = onlyTaskFor("he.grid", pi);
    assertThat(confirm).hasDefinitionKey("confirmResult");
    completeAs("he.grid", confirm, vars("satisfied", true));
    assertThat(pi).isEnded();
    Assertions.assertThat(entry(pi).acceptedBy()).isEqualTo("zhang.director");
    Assertions.assertThat(actions(pi)).contains("accepted", "handled", "confirmed", "closed");
  }

  @Test
  @DisplayName("IN-3, IN-6, IN-7: not accepted within 2 working hours → escalated; the street department signs for it within half a working day and handles it")
  void notAcceptedEscalates() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    setClock(LocalDateTime.of(2026, 11, 23, 11, 1));
    execute(job(pi));
    // half a working day (PT3H30M) from 11:01: 59 minutes before noon, 2 h 31 min after 14:00
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "streetAccept")).isEqualTo(LocalDateTime.of(2026, 11, 23, 16, 31));
    Task sign = onlyTaskFor("feng.dept", pi);
    assertThat(sign).hasDefinitionKey("streetAcceptIncident");
    Assertions.assertThat(sign.getDueDate()).isEqualTo(cn.shequflow.core.process.Clock.toDate(LocalDateTime.of(2026, 11, 23, 16, 31)));
    Assertions.assertThat(visibleTo("zhang.director", pi)).isEmpty();
    Assertions.assertThat(entry(pi).escalated()).isTrue();
    Assertions.assertThat(actions(pi)).contains("escalated");
    setClock(LocalDateTime.of(2026, 11, 23, 16, 30));
    completeAs("feng.dept", sign, vars("acceptNote", "街道已签收"));
    Task handle = onlyTaskFor("feng.dept", pi);
    assertThat(handle).hasDefinitionKey("handleIncident");
    Assertions.assertThat(entry(pi).acceptedBy()).isEqualTo("feng.dept");
    Assertions.assertThat(actions(pi)).contains("signed-for").doesNotContain("leader-escalation");
    Assertions.assertThat(visibleTo("li.leader", pi)).isEmpty();
  }

  @Test
  @DisplayName("IN-3: the street department does not sign for it within half a working day → 督办升级 to the leader in charge, then the street handles it")
  void streetNotSignedGoesToLeader() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "dispute"));
    setClock(LocalDateTime.of(2026, 11, 23, 11, 1));
    execute(job(pi));
    assertThat(onlyTaskFor("feng.dept", pi)).hasDefinitionKey("streetAcceptIncident");
    setClock(LocalDateTime.of(2026, 11, 23, 16, 32));
    execute(managementJob(pi, "streetAcceptOverdue"));
    Assertions.assertThat(visibleTo("feng.dept", pi)).isEmpty();
    Task lead = onlyTaskFor("li.leader", pi);
    assertThat(lead).hasDefinitionKey("leaderSupervise");
    Assertions.assertThat(actions(pi)).containsOnlyOnce("leader-escalation");
    Assertions.assertThat(cases.timeline(pi.getBusinessKey()).stream()
        .filter(e -> e.action().equals("leader-escalation")).findFirst().orElseThrow().comment()).contains("主管社区领导");
    Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
        .anySatisfy(n -> {
          Assertions.assertThat(n.recipientId()).isEqualTo("li.leader");
          Assertions.assertThat(n.message()).contains("督办");
        });
    completeAs("li.leader", lead, vars("supervisionNote", "请街道今日处置"));
    Assertions.assertThat(actions(pi)).contains("leader-supervised");
    assertThat(onlyTaskFor("feng.dept", pi)).hasDefinitionKey("handleIncident");
  }

  @Test
  @DisplayName("IN-5, IN-6, IN-D1: a case nobody signs for turns YELLOW when the signing limit passes and RED with district supervision as long again after, once")
  void unsignedTurnsYellowThenRed() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("GREEN");
    setClock(LocalDateTime.of(2026, 11, 23, 11, 1));
    execute(job(pi));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("YELLOW");
    Assertions.assertThat(sla(pi)).isEqualTo("YELLOW");
    Task sign = onlyTaskFor("feng.dept", pi);
    assertThat(sign).hasDefinitionKey("streetAcceptIncident");
    Assertions.assertThat(sign.getPriority()).isEqualTo(75);
    // The accept limit (2 working hours) again after 11:00: 12:00 and 14:00-15:00.
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "acceptRed")).isEqualTo(LocalDateTime.of(2026, 11, 23, 15, 0));
    setClock(LocalDateTime.of(2026, 11, 23, 15, 1));
    execute(managementJob(pi, "streetAcceptUnsignedRed"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("RED");
    assertThat(onlyTaskFor("zheng.district", pi)).hasDefinitionKey("superviseIncident");
    Assertions.assertThat(taskAt(pi, "streetAcceptIncident", "feng.dept").getPriority()).isEqualTo(100);
    Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
        .anySatisfy(n -> Assertions.assertThat(n.recipientId()).isEqualTo("zheng.district"));
    // Still unsigned when it goes up to the leader: the leader's red timer finds it RED and adds nothing.
    setClock(LocalDateTime.of(2026, 11, 23, 16, 32));
    execute(managementJob(pi, "streetAcceptOverdue"));
    assertThat(onlyTaskFor("li.leader", pi)).hasDefinitionKey("leaderSupervise");
    execute(managementJob(pi, "leaderUnsignedRed"));
    Assertions.assertThat(visibleTo("zheng.district", pi)).hasSize(1);
    Assertions.assertThat(actions(pi)).containsOnlyOnce("overdue-red").containsOnlyOnce("overdue-yellow");
  }

  @Test
  @DisplayName("IN-5: the street department signs for it in time after escalation: YELLOW, never RED")
  void signedAfterEscalationStaysYellow() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    setClock(LocalDateTime.of(2026, 11, 23, 11, 1));
    execute(job(pi));
    setClock(LocalDateTime.of(2026, 11, 23, 14, 30));
    completeAs("feng.dept", onlyTaskFor("feng.dept", pi), vars("acceptNote", "街道已签收"));
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    Assertions.assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("streetAcceptUnsignedRed").count())
        .isZero();
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("YELLOW");
  }

  @Test
  @DisplayName("IN-2: a closed coordination case reports its result to the street department and the leader in charge (报告处置结果); a routine one does not")
  void coordinationReportsResult() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars());
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars("result", "已清理楼道"));
    Assertions.assertThat(actions(pi)).doesNotContain("reported-result");
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("satisfied", true));
    assertThat(pi).isEnded();
    Assertions.assertThat(actions(pi)).containsOnlyOnce("reported-result");
    for (String user : List.of("feng.dept", "li.leader")) {
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> {
            Assertions.assertThat(n.recipientId()).isEqualTo(user);
            Assertions.assertThat(n.message()).contains("已办结", "已清理楼道");
          });
    }
    ProcessInstance routine = startAs("he.grid", KEY, report("routine", "other"));
    completeAs("he.grid", onlyTaskFor("he.grid", routine), vars("result", "已劝导"));
    Assertions.assertThat(actions(routine)).doesNotContain("reported-result");
  }

  @Test
  @DisplayName("IN-4, IN-5, IN-D1: settled late → YELLOW (督办) → RED → district supervision, task priority 50 → 75 → 100; the light clears when closed")
  void lights() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars());
    // settle: close of the 3rd working day (Thu 26 Nov 17:30); red: 3 working days later (Tue 1 Dec 17:30)
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "settle")).isEqualTo(LocalDateTime.of(2026, 11, 26, 17, 30));
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "settleRed")).isEqualTo(LocalDateTime.of(2026, 12, 1, 17, 30));
    setClock(LocalDateTime.of(2026, 11, 26, 17, 31));
    Assertions.assertThat(taskAt(pi, "handleIncident", "zhang.director").getPriority()).isEqualTo(50);
    execute(managementJob(pi, "settleOverdue"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("YELLOW");
    Assertions.assertThat(sla(pi)).isEqualTo("YELLOW");
    Assertions.assertThat(taskAt(pi, "handleIncident", "zhang.director").getPriority()).isEqualTo(75);
    setClock(LocalDateTime.of(2026, 12, 1, 17, 31));
    execute(managementJob(pi, "settleLongOverdue"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("RED");
    Assertions.assertThat(taskAt(pi, "handleIncident", "zhang.director").getPriority()).isEqualTo(100);
    Task supervise = onlyTaskFor("zheng.district", pi);
    assertThat(supervise).hasDefinitionKey("superviseIncident");
    Assertions.assertThat(supervise.getPriority()).isEqualTo(100);
    completeAs("zhang.director", taskAt(pi, "handleIncident", "zhang.director"), vars("result", "已清理"));
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("satisfied", true));
    assertThat(pi).isEnded();
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("GREEN");
    Assertions.assertThat(entry(pi).closedAt()).isNotNull();
  }

  @Test
  @DisplayName("IN-2, IN-9, IN-10: an emergency opens tasks for the director and the street department at once")
  void emergency() {
    Map<String, Object> v = report("emergency", "fire");
    v.put("description", "社区矫正对象家中起火");
    ProcessInstance pi = startAs("he.grid", KEY, v);
    assertThat(onlyTaskFor("zhang.director", pi)).hasDefinitionKey("emergencyDirector");
    assertThat(onlyTaskFor("feng.dept", pi)).hasDefinitionKey("emergencyStreet");
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "settle")).isEqualTo(LocalDateTime.of(2026, 11, 23, 12, 0));
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars("result", "已疏散", "handedToPolice", true));
    completeAs("feng.dept", onlyTaskFor("feng.dept", pi), vars("result", "已联系消防"));
    Assertions.assertThat(actions(pi)).contains("handed-to-police", "contingency");
    Assertions.assertThat(entry(pi).handedToPolice()).isTrue();
    assertThat(onlyTaskFor("he.grid", pi)).hasDefinitionKey("confirmResult");
  }

  @Test
  @DisplayName("IN-D1, IN-5: emergency tasks turn YELLOW then RED on wall-clock deadlines, once for both tasks; district supervises")
  void emergencyLights() {
    ProcessInstance pi = startAs("he.grid", KEY, report("emergency", "fire"));
    // settle 12:00 the same day (wall clock), red one limit later
    LocalDateTime settle = deadlines.get(pi.getBusinessKey(), "settle");
    LocalDateTime red = deadlines.get(pi.getBusinessKey(), "settleRed");
    Assertions.assertThat(settle).isEqualTo(LocalDateTime.of(2026, 11, 23, 12, 0));
    Assertions.assertThat(red).isEqualTo(LocalDateTime.of(2026, 11, 23, 15, 0));
    setClock(settle.plusMinutes(1));
    execute(managementJob(pi, "emergencyDirectorOverdue"));
    execute(managementJob(pi, "emergencyStreetOverdue"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("YELLOW");
    Assertions.assertThat(sla(pi)).isEqualTo("YELLOW");
    Assertions.assertThat(actions(pi)).containsOnlyOnce("overdue-yellow");
    Assertions.assertThat(taskAt(pi, "emergencyDirector", "zhang.director").getPriority()).isEqualTo(75);
    Assertions.assertThat(taskAt(pi, "emergencyStreet", "feng.dept").getPriority()).isEqualTo(75);
    setClock(red.plusMinutes(1));
    execute(managementJob(pi, "emergencyStreetLongOverdue"));
    execute(managementJob(pi, "emergencyDirectorLongOverdue"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("RED");
    Assertions.assertThat(actions(pi)).containsOnlyOnce("overdue-red");
    Task supervise = onlyTaskFor("zheng.district", pi);
    assertThat(supervise).hasDefinitionKey("superviseIncident");
    Assertions.assertThat(taskAt(pi, "emergencyStreet", "feng.dept").getPriority()).isEqualTo(100);
    completeAs("zhang.director", taskAt(pi, "emergencyDirector", "zhang.director"), vars("result", "已疏散"));
    completeAs("feng.dept", taskAt(pi, "emergencyStreet", "feng.dept"), vars("result", "已联系消防"));
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("satisfied", true));
    assertThat(pi).isEnded();
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("GREEN");
  }

  @Test
  @DisplayName("Seam to resident-move: a closed migrant-inflow incident reminds the community's staff to register the people")
  void migrantInflowHandsOverToResidence() {
    ProcessInstance pi = startAs("he.grid", KEY, report("routine", "migrant-inflow"));
    Assertions.assertThat(actions(pi)).doesNotContain("residence-handover");
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("result", "新迁入住户 2 人，已登记联系方式"));
    assertThat(pi).isEnded();
    Assertions.assertThat(actions(pi)).containsOnlyOnce("residence-handover");
    Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
        .anySatisfy(n -> {
          Assertions.assertThat(n.recipientId()).isEqualTo("chen.staff");
          Assertions.assertThat(n.message()).contains("居民迁入迁出登记");
        });
    ProcessInstance other = startAs("he.grid", KEY, report("routine", "dispute"));
    completeAs("he.grid", onlyTaskFor("he.grid", other), vars("result", "已调解"));
    Assertions.assertThat(actions(other)).doesNotContain("residence-handover");
  }

  @Test
  @DisplayName("IN-8: unsatisfied reopens the case once with the reason; the second time it is archived anyway")
  void reopenOnce() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "dispute"));
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars());
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars("result", "已调解"));
    Task confirm = onlyTaskFor("he.grid", pi);
    Assertions.assertThatThrownBy(() -> completeAs("he.grid", confirm, vars("satisfied", false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reopenReason");
    completeAs("he.grid", confirm, vars("satisfied", false, "reopenReason", "双方仍有争执"));
    assertThat(onlyTaskFor("zhang.director", pi)).hasDefinitionKey("handleIncident");
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars("result", "再次调解"));
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("satisfied", false, "reopenReason", "仍不满意"));
    assertThat(pi).isEnded();
    Assertions.assertThat(entry(pi).reopenCount()).isEqualTo(1);
    Assertions.assertThat(actions(pi)).containsOnlyOnce("reopened", "unsatisfied");
  }

  @Test
  @DisplayName("IN-5: a reporter's reopen of a YELLOW case keeps it YELLOW: the light clears only when the case is resolved")
  void reopenKeepsTheLight() {
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "dispute"));
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vars());
    setClock(LocalDateTime.of(2026, 11, 26, 17, 31));
    execute(managementJob(pi, "settleOverdue"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("YELLOW");
    completeAs("zhang.director", taskAt(pi, "handleIncident", "zhang.director"), vars("result", "已调解"));
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("satisfied", false, "reopenReason", "双方仍有争执"));
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("YELLOW");
    Assertions.assertThat(sla(pi)).isEqualTo("YELLOW");
    Assertions.assertThat(taskAt(pi, "handleIncident", "zhang.director").getPriority()).isEqualTo(75);
    completeAs("zhang.director", taskAt(pi, "handleIncident", "zhang.director"), vars("result", "再次调解"));
    completeAs("he.grid", onlyTaskFor("he.grid", pi), vars("satisfied", true));
    assertThat(pi).isEnded();
    Assertions.assertThat(entry(pi).slaStatus()).isEqualTo("GREEN");
  }

  @Test
  @DisplayName("CAL-1, IN-3, IN-4, IN-D1: filed at 17:00 on the eve of National Day, limits run after the holiday")
  void nationalDayEve() {
    LocalDateTime eve = LocalDateTime.of(2026, 9, 30, 17, 0);
    Assertions.assertThat(incidents.after(eve, "PT2H", false)).isEqualTo(LocalDateTime.of(2026, 10, 8, 10, 0));
    Assertions.assertThat(incidents.after(eve, "PT3H30M", false)).isEqualTo(LocalDateTime.of(2026, 10, 8, 11, 30));
    Assertions.assertThat(incidents.after(eve, "PT3H", false)).isEqualTo(LocalDateTime.of(2026, 10, 8, 11, 0));
    Assertions.assertThat(incidents.after(eve, "PT3H", true)).isEqualTo(LocalDateTime.of(2026, 9, 30, 20, 0));
    Assertions.assertThat(incidents.after(eve, "P3D", false)).isEqualTo(LocalDateTime.of(2026, 10, 10, 17, 30));
    setClock(eve);
    ProcessInstance pi = startAs("he.grid", KEY, report("coordination", "safety-hazard"));
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "accept")).isEqualTo(LocalDateTime.of(2026, 10, 8, 10, 0));
    Assertions.assertThat(deadlines.get(pi.getBusinessKey(), "settle")).isEqualTo(LocalDateTime.of(2026, 10, 10, 17, 30));
  }

  @Test
  @DisplayName("Bad input: unknown severity or category, title over 100, description over 2000, missing location name the field")
  void badInput() {
    assertRefused("severity", "severity", "urgent");
    assertRefused("category", "category", "noise");
    assertRefused("title", "title", "长".repeat(101));
    assertRefused("description", "description", "长".repeat(2001));
    assertRefused("location", "location", null);
  }

  private void assertRefused(String field, String name, Object value) {
    Map<String, Object> v = report("routine", "other");
    if (value == null) {
      v.remove(name);
    } else {
      v.put(name, value);
    }
    Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, v))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
  }

  private org.camunda.bpm.engine.runtime.Job managementJob(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private Task taskAt(ProcessInstance pi, String activityId, String user) {
    return visibleTo(user, pi).stream().filter(t -> t.getTaskDefinitionKey().equals(activityId)).findFirst().orElseThrow();
  }
}
