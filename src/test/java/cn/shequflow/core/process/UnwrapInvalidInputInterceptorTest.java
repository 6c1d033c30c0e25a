package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnwrapInvalidInputInterceptorTest {

  @Test
  @DisplayName("A claim that lost to a colleague's claim or a 转办 a moment before (the engine's 'already claimed', also inside a completion's own claim) is a conflict (409), not a 500")
  void claimedMeanwhileIsAConflict() {
    RuntimeException found = UnwrapInvalidInputInterceptor.find(
        new ProcessEngineException("Cannot complete task", new TaskAlreadyClaimedException("t1", "vice.zaozhi")));
    assertThat(found).isInstanceOf(CaseConflictException.class).hasMessageContaining("刚被他人认领或转办");
    assertThat(UnwrapInvalidInputInterceptor.find(new TaskAlreadyClaimedException("t1", "vice.zaozhi")))
        .isInstanceOf(CaseConflictException.class);
  }

  @Test
  @DisplayName("Refused input keeps its own answer; an unrelated engine error is not turned into a refusal")
  void othersStay() {
    InvalidInputException input = new InvalidInputException("reason", "请填写理由");
    assertThat(UnwrapInvalidInputInterceptor.find(new ProcessEngineException("wrapped", input))).isSameAs(input);
    assertThat(UnwrapInvalidInputInterceptor.find(new ProcessEngineException("boom"))).isNull();
  }
}
