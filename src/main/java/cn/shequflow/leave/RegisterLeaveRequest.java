package cn.shequflow.leave;

import cn.shequflow.core.process.Clock;
import cn.shequflow.leave.LeaveRequestValidator.LeaveRequestFields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerLeaveRequest}: validates the request and enters it in the leave
 * ledger as pending, on first submission and again on each resubmission. Invalid input rolls the
 * whole step back (a start leaves no instance; a resubmission leaves the revise task open).
 */
@Component("registerLeaveRequest")
public class RegisterLeaveRequest implements JavaDelegate {

  private final LeaveRequestValidator validator;
  private final LeaveLedgerMapper ledger;

  public RegisterLeaveRequest(LeaveRequestValidator validator, LeaveLedgerMapper ledger) {
    this.validator = validator;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LeaveRequestFields fields = validator.validate(execution);
    LeaveEntry entry = new LeaveEntry(
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        (String) execution.getVariable("applicantId"),
        (String) execution.getVariable("applicantName"),
        (String) execution.getVariable("applicantRole"),
        (String) execution.getVariable("communityId"),
        (String) execution.getVariable("communityName"),
        fields.type().code(),
        fields.startDate(),
        fields.endDate(),
        fields.days(),
        fields.reason(),
        LeaveStatus.PENDING.code(),
        1,
        Clock.now(),
        null, null, null, null);
    if (ledger.resubmit(entry) == 0) {
      ledger.insert(entry);
    }
    execution.setVariable("submission", ledger.find(entry.businessKey()).submissions());
  }
}
