package cn.shequflow.core.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import cn.shequflow.core.process.Notifications;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue 10: an approval operation is one transaction. When the family's own step fails half-way
 * (here the notice of the reject task, after the return was written onto the chain and the
 * timeline and the engine had moved), nothing of it remains: the row is still active, the
 * timeline and the status unchanged, the approval task still open.
 */
class ApprovalOperationsAtomicityTest extends ApprovalOperationsTestSupport {

  @MockitoSpyBean Notifications notifications;

  @Test
  @DisplayName("A return whose reject step fails leaves nothing half-written")
  void failedReturnLeavesNothing() {
    JsonNode pi = startProcess("liu.staff", "leave-request", leave(1));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    List<String> timeline = actions(key);
    doThrow(new IllegalStateException("notice store down")).when(notifications).send(anyString(), any(), anyString());

    Response failed = returnTask("zhang.director", task, "reviseLeave", "请改期");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.body()).doesNotContain("notice store down");

    assertThat(onlyTaskId("zhang.director", id)).isEqualTo(task);
    assertThat(tasksOf("liu.staff", id)).isEmpty();
    assertThat(roundStates(key)).containsExactly("1:active");
    assertThat(round(key).get(0).decidedBy()).isNull();
    assertThat(actions(key)).isEqualTo(timeline);
    assertThat(caseOf(key).status()).isEqualTo("pending");
    assertThat(runtime.getVariable(id, "returnComment")).isNull();
    assertConsistent(id, key);
  }
}
