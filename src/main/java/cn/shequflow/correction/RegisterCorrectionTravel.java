package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.privacy.PersonalData;
import cn.shequflow.core.process.ModelParameters;
import cn.shequflow.correction.CorrectionRequestValidator.Travel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerTravel}: validates the application (CC-1: at most {@code maxDays}
 * days, the model's input parameter) and writes it to the register, in the start's transaction, so
 * that a refused application leaves no instance behind. The whole identity number is kept there only:
 * the process variable {@code idNumber} is replaced by its mask in the same transaction ({@link PersonalData}).
 */
@Component("registerCorrectionTravel")
public class RegisterCorrectionTravel implements JavaDelegate {

  private final CorrectionRequestValidator validator;
  private final TravelRegister register;
  private final Cases cases;

  public RegisterCorrectionTravel(CorrectionRequestValidator validator, TravelRegister register, Cases cases) {
    this.validator = validator;
    this.register = register;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Travel t = validator.travel(execution, ModelParameters.nonNegativeInt(execution, "maxDays"));
    CaseRecord record = cases.of(execution);
    register.insert(record.businessKey(), t.personName(), t.idNumber(), t.destination(), t.startDate(), t.endDate(),
        t.days(), t.reason(), t.restrictedPlace());
    cases.describe(execution, "外出：" + t.personName() + " 赴 " + abbreviate(t.destination()) + " " + t.days() + " 天"
        + (t.restrictedPlace() ? "（禁止令限定场所）" : ""));
    // Display only (read-only fields of the forms, task names); nothing routes on them.
    execution.setVariable("daysLabel", String.valueOf(t.days()));
    execution.setVariable("restrictedPlaceLabel", t.restrictedPlace() ? "是（须县司法局批准，并告知人民检察院）" : "否");
    // The whole number stays in the register; task holders and variable readers see only the mask (PersonalData).
    execution.setVariable(CorrectionVariables.ID_NUMBER, PersonalData.mask(t.idNumber()));
  }

  static String abbreviate(String text) {
    return cn.shequflow.core.process.Texts.fit(text, 41);
  }
}
