package cn.shequflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20: the dashboard counts each case's outcome from the register ({@code biz_case.outcome},
 * {@code decided_at}, V36), kept with each status change. Through a round approved, a round returned
 * to the applicant (退回) and resubmitted, the register says what the approval chain says — and so it
 * does for every case in the shared test database, whatever other tests did to them.
 */
class CaseOutcomeRestTest extends ApprovalOperationsTestSupport {

  @Autowired DataSource dataSource;

  private String outcome(String businessKey) {
    return new JdbcTemplate(dataSource).queryForObject("select outcome from biz_case where business_key = ?",
        String.class, businessKey);
  }

  /** Cases whose kept outcome or decision time differ from what their chain's current round says. */
  private List<String> disagreeing() {
    return new JdbcTemplate(dataSource).queryForList("select business_key from biz_case where "
        + "coalesce(outcome, '-') <> coalesce(" + CaseMapper.ROUND_OUTCOME + ", '-') or "
        + "coalesce(decided_at, timestamp '2000-01-01 00:00:00') <> coalesce(" + CaseMapper.ROUND_DECIDED_AT
        + ", timestamp '2000-01-01 00:00:00')", String.class);
  }

  @Test
  @DisplayName("Issue 20: the outcome kept on the register follows the chain through approval, 退回 and resubmission")
  void outcomeFollowsTheChain() {
    JsonNode approved = startProcess("liu.staff", "leave-request", leave(1));
    String approvedKey = businessKeyOf(approved);
    assertThat(outcome(approvedKey)).as("waiting for the director").isNull();
    approve("zhang.director", approved.get("id").asText());
    assertThat(outcome(approvedKey)).isEqualTo("approved");

    JsonNode returned = startProcess("chen.staff", "leave-request", leave(1));
    String returnedKey = businessKeyOf(returned);
    String task = onlyTaskId("zhang.director", returned.get("id").asText());
    ok(returnTask("zhang.director", task, "reviseLeave", "请改期"));
    assertThat(outcome(returnedKey)).as("returned to the applicant").isEqualTo("refused");
    JsonNode revise = onlyTask("chen.staff", returned.get("id").asText());
    Map<String, Object> again = new HashMap<>(leave(1));
    again.put("resubmit", true);
    complete("chen.staff", revise.get("id").asText(), again);
    assertThat(outcome(returnedKey)).as("a new round, not yet decided").isNull();
    approve("zhang.director", returned.get("id").asText());
    assertThat(outcome(returnedKey)).isEqualTo("approved");

    assertThat(disagreeing()).as("cases whose register disagrees with their chain").isEmpty();
  }

  private String businessKeyOf(JsonNode instance) {
    return new JdbcTemplate(dataSource).queryForObject("select business_key from biz_case where process_instance_id = ?",
        String.class, instance.get("id").asText());
  }
}
