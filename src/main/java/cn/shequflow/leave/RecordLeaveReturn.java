package cn.shequflow.leave;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
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

  private final LeaveRegister register;
  private final Cases cases;

  public RecordLeaveReturn(LeaveRegister register, Cases cases) {
    this.register = register;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    LeaveEntry leave = register.find(record.businessKey());
    LocalDate returnedOn = Inputs.of(execution).requiredDate(LeaveVariables.RETURNED_ON, "返岗日期");
    if (returnedOn.isBefore(leave.startDate())) {
      throw new InvalidInputException(LeaveVariables.RETURNED_ON, "返岗日期不能早于请假开始日期（" + leave.startDate() + "）");
    }
    if (returnedOn.isAfter(Clock.today())) {
      throw new InvalidInputException(LeaveVariables.RETURNED_ON, "返岗日期不能晚于今天，返岗后再销假");
    }
    execution.setVariable(LeaveVariables.RETURNED_ON, returnedOn.toString());
    boolean late = returnedOn.isAfter(leave.reportBackDue()) || LeaveStatus.LATE.code().equals(record.status());
    register.recordReturn(record.businessKey(), returnedOn);
    cases.moveTo(record, late ? LeaveStatus.LATE.code() : LeaveStatus.RETURNED.code());
  }
}
