package cn.shequflow.leave;

import cn.shequflow.core.process.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code arrangeCover} (LV-5): who covers the post goes into the ledger. */
@Component("recordLeaveCover")
public class RecordLeaveCover implements TaskListener {

  private final LeaveLedgerMapper ledger;

  public RecordLeaveCover(LeaveLedgerMapper ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    String cover = Inputs.of(task).requiredText("coverPerson", "顶岗人员", 100);
    ledger.recordCover(task.getExecution().getProcessBusinessKey(), cover);
  }
}
