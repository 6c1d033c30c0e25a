package cn.shequflow.leave;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordLeaveReturn}, right after the report-back task (same transaction: a
 * bad date leaves the task open). Returned after the due date counts as late (LV-6), and so
 * does reporting back only after the overdue timer has fired.
 */
@Component("recordLeaveReturn")
public class RecordLeaveReturn implements JavaDelegate {

  private final LeaveLedgerMapper ledger;

  public RecordLeaveReturn(LeaveLedgerMapper ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    LocalDate returnedOn = in.requiredDate("returnedOn", "返岗日期");
    LocalDate start = LocalDate.parse((String) execution.getVariable("startDate"));
    if (returnedOn.isBefore(start)) {
      throw new InvalidInputException("returnedOn", "返岗日期不能早于请假开始日期（" + start + "）");
    }
    if (returnedOn.isAfter(Clock.today())) {
      throw new InvalidInputException("returnedOn", "返岗日期不能晚于今天，返岗后再销假");
    }
    LocalDate due = LocalDate.parse((String) execution.getVariable("reportBackDueDate"));
    execution.setVariable("returnedOn", returnedOn.toString());
    String key = execution.getProcessBusinessKey();
    boolean alreadyOverdue = LeaveStatus.LATE.code().equals(ledger.find(key).status());
    boolean late = returnedOn.isAfter(due) || alreadyOverdue;
    ledger.recordReturn(key,
        late ? LeaveStatus.LATE.code() : LeaveStatus.RETURNED.code(), returnedOn);
  }
}
