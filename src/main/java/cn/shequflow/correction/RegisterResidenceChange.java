package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.privacy.PersonalData;
import cn.shequflow.core.process.ModelParameters;
import cn.shequflow.correction.CorrectionRequestValidator.ResidenceChange;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerResidenceChange}: validates the application (CC-3: filed at least
 * {@code minNoticePeriod}, the model's input parameter, before the planned move) and writes it to
 * the register in the start's transaction. The whole identity number is kept there only: the process
 * variable {@code idNumber} is replaced by its mask in the same transaction ({@link PersonalData}).
 */
@Component("registerResidenceChange")
public class RegisterResidenceChange implements JavaDelegate {

  private final CorrectionRequestValidator validator;
  private final ResidenceChangeRegister register;
  private final Cases cases;

  public RegisterResidenceChange(CorrectionRequestValidator validator, ResidenceChangeRegister register, Cases cases) {
    this.validator = validator;
    this.register = register;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResidenceChange r = validator.residenceChange(execution, ModelParameters.period(execution, "minNoticePeriod"));
    CaseRecord record = cases.of(execution);
    register.insert(record.businessKey(), r.personName(), r.idNumber(), r.currentAddress(), r.newAddress(),
        r.newCountySame(), r.applicationDate(), r.plannedMoveDate());
    cases.describe(execution, "居住地变更：" + r.personName() + (r.newCountySame() ? "（本县内）" : "（迁往外县）"));
    // Display only (read-only fields of the forms); nothing routes on them.
    execution.setVariable("newCountySameLabel", r.newCountySame() ? "是，仍在本县（区）" : "否，迁往外县（区）");
    execution.setVariable("receivingOpinionLabel", r.newCountySame() ? "本县内变更，无需征求" : "待征求");
    // The whole number stays in the register; task holders and variable readers see only the mask (PersonalData).
    execution.setVariable(CorrectionVariables.ID_NUMBER, PersonalData.mask(r.idNumber()));
  }
}
