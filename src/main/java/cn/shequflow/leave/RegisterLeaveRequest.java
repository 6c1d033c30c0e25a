package cn.shequflow.leave;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.leave.LeaveRequestValidator.LeaveRequestFields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerLeaveRequest}: validates the request and writes it to the register,
 * on first submission and again on each resubmission (a new round of the approval chain). Invalid
 * input rolls the whole step back (a start leaves no instance; a resubmission leaves the revise
 * task open).
 */
@Component("registerLeaveRequest")
public class RegisterLeaveRequest implements JavaDelegate {

  private final LeaveRequestValidator validator;
  private final LeaveRegister register;
  private final Cases cases;

  public RegisterLeaveRequest(LeaveRequestValidator validator, LeaveRegister register, Cases cases) {
    this.validator = validator;
    this.register = register;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LeaveRequestFields f = validator.validate(execution);
    CaseRecord record = cases.of(execution);
    String key = record.businessKey();
    if (register.find(key) == null) {
      register.insert(key, f.type().code(), f.startDate(), f.endDate(), f.days(), f.reason());
    } else {
      register.update(key, f.type().code(), f.startDate(), f.endDate(), f.days(), f.reason());
      cases.nextSubmission(execution);
      cases.event(key, record.applicantId(), CaseActions.RESUBMITTED, null, null, null);
      cases.moveTo(execution, LeaveStatus.PENDING.code());
    }
    String days = f.days().stripTrailingZeros().toPlainString();
    cases.describe(execution, f.type().label() + " " + days + " 天（" + f.startDate() + " 至 " + f.endDate() + "）");
  }
}
