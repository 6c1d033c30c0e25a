package cn.shequflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CAL-2: a deadline counted across a year without a holiday file is marked provisional (暂定) on the
 * case ({@code GET /api/cases/{key}}) and on the task Tasklist shows ({@code GET /api/tasks/deadlines}).
 */
class ProvisionalDeadlineRestTest extends RestTestSupport {

  @Autowired WorkCalendar calendar;

  /** The rule as the issue states it: some year from the start of the count to the due date has no file. */
  private boolean anyYearWithoutFile(LocalDate from, LocalDate to) {
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (!calendar.hasDataFor(year)) {
        return true;
      }
    }
    return false;
  }

  /** A leave of one day starting on {@code start}, approved: its report-back task has a due date. */
  private JsonNode approvedLeave(LocalDate start) {
    Map<String, Object> v = leave(1);
    v.put("startDate", start.toString());
    v.put("endDate", start.toString());
    JsonNode instance = start("liu.staff", v);
    String id = instance.get("id").asText();
    String approval = onlyTaskId("zhang.director", id);
    Response ok = as("zhang.director").post("/engine-rest/task/" + approval + "/complete",
        cn.shequflow.support.RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    return instance;
  }

  @Test
  @DisplayName("CAL-2: the case and its report-back task say whether their deadline is provisional")
  void provisionalMark() {
    LocalDate today = Clock.today();
    // Eleven months ahead is a year the product has no file for unless one has been added.
    for (LocalDate start : new LocalDate[] {today.plusDays(7), today.plusMonths(11)}) {
      JsonNode instance = approvedLeave(start);
      String id = instance.get("id").asText();
      String key = instance.get("businessKey").asText();

      JsonNode c = as("liu.staff").get("/api/cases/" + key).json();
      JsonNode reportBack = null;
      for (JsonNode d : c.get("deadlines")) {
        if (d.get("name").asText().equals("reportBack")) {
          reportBack = d;
        }
      }
      assertThat(reportBack).as(c.toString()).isNotNull();
      assertThat(reportBack.get("label").asText()).isEqualTo("销假期限");
      LocalDateTime due = LocalDateTime.parse(reportBack.get("dueAt").asText());
      LocalDateTime filed = LocalDateTime.parse(c.get("createdAt").asText());
      boolean expected = anyYearWithoutFile(filed.toLocalDate(), due.toLocalDate());
      assertThat(reportBack.get("provisional").asBoolean()).as(start + " " + c).isEqualTo(expected);
      assertThat(reportBack.get("note").isNull()).isEqualTo(!expected);

      String taskId = onlyTaskId("liu.staff", id);
      Response r = as("liu.staff").get("/api/tasks/deadlines?taskId=" + taskId + "&taskId=no-such-task");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json()).hasSize(1);
      JsonNode task = r.json().get(0);
      assertThat(task.get("taskId").asText()).isEqualTo(taskId);
      assertThat(LocalDateTime.parse(task.get("due").asText())).isEqualTo(due);
      assertThat(task.get("provisional").asBoolean()).isEqualTo(expected);
      assertThat(task.get("note").isNull()).isEqualTo(!expected);
      if (expected) {
        assertThat(task.get("note").asText()).contains("暂定", "以正式安排为准");
      }

      // 我的申请 shows the same mark on the open step.
      JsonNode mine = as("liu.staff").get("/api/cases/mine?size=100").json().get("items");
      JsonNode step = null;
      for (JsonNode item : mine) {
        if (item.get("businessKey").asText().equals(key)) {
          step = item.get("currentSteps").get(0);
        }
      }
      assertThat(step).as(mine.toString()).isNotNull();
      assertThat(step.get("provisional").asBoolean()).isEqualTo(expected);
      assertThat(step.get("note").isNull()).isEqualTo(!expected);

      // ORG-5: another community's director learns nothing about the task.
      Response other = as("gao.director").get("/api/tasks/deadlines?taskId=" + taskId);
      assertThat(other.status()).isEqualTo(200);
      assertThat(other.json()).isEmpty();
    }
  }

  @Test
  @DisplayName("Bad input: more than 50 task ids or a blank one is a 400 naming taskId")
  void badInput() {
    StringBuilder many = new StringBuilder("/api/tasks/deadlines?taskId=a");
    for (int i = 0; i < 50; i++) {
      many.append("&taskId=t").append(i);
    }
    assertField(as("liu.staff").get(many.toString()), "taskId");
    assertField(as("liu.staff").get("/api/tasks/deadlines?taskId=%20"), "taskId");
    assertThat(as("liu.staff").get("/api/tasks/deadlines").json()).isEmpty();
  }
}
