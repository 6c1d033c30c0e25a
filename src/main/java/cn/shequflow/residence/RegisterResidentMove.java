package cn.shequflow.residence;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.privacy.PersonalData;
import cn.shequflow.residence.ResidentMoveValidator.Fields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerResidentMove}: validates the request against the form's rules and the
 * register (RM-1: a move-in of someone already registered in the community, and a move-out or address
 * change of someone who is not, are refused naming {@code idNumber}, so nothing is started), and
 * writes it beside its case, on first submission and on each resubmission. The whole identity number
 * is kept there (table {@code resident_move}); the process variable {@code idNumber} is then replaced by
 * its mask ({@link PersonalData}), in the same transaction, so no task, form or history route shows it.
 */
@Component("registerResidentMove")
public class RegisterResidentMove implements JavaDelegate {

  private final ResidentMoveValidator validator;
  private final ResidentRegister register;
  private final ResidentMapper mapper;
  private final Cases cases;

  public RegisterResidentMove(ResidentMoveValidator validator, ResidentRegister register, ResidentMapper mapper,
      Cases cases) {
    this.validator = validator;
    this.register = register;
    this.mapper = mapper;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    String key = record.businessKey();
    ResidentMoveEntry earlier = mapper.findMove(key);
    wholeNumberBack(execution, earlier);
    Fields f = validator.validate(execution);
    Resident current = register.registered(record.communityId(), f.idNumber());
    boolean renting = f.renting();
    String landlordName = f.landlordName();
    String landlordPhone = f.landlordPhone();
    if (f.moveType() == MoveType.MOVE_IN) {
      if (current != null) {
        throw ResidentRegister.alreadyRegistered(f.idNumber());
      }
    } else {
      if (current == null) {
        throw ResidentRegister.notRegistered(f.idNumber());
      }
      if (!current.personName().equals(f.name())) {
        throw new InvalidInputException(ResidentMoveVariables.NAME, "姓名与登记簿不符：身份证号 "
            + PersonalData.mask(f.idNumber()) + " 登记的姓名不是 " + f.name());
      }
      if (f.movedOn().isBefore(current.arrivedOn())) {
        throw new InvalidInputException(ResidentMoveVariables.MOVED_ON, f.moveType().label() + "日期不能早于迁入日期（"
            + current.arrivedOn() + "）");
      }
      if (f.moveType() == MoveType.MOVE_OUT) {
        renting = current.renting();
        landlordName = current.landlordName();
        landlordPhone = current.landlordPhone();
      } else if (f.address().equals(current.address()) && java.util.Objects.equals(f.building(), current.building())
          && java.util.Objects.equals(f.unitNo(), current.unitNo()) && java.util.Objects.equals(f.room(), current.room())) {
        throw new InvalidInputException(ResidentMoveVariables.ADDRESS, "新地址与登记簿中的现住址相同");
      }
    }
    ResidentMoveEntry move = new ResidentMoveEntry(key, record.communityId(), f.moveType().code(),
        f.residentType() == null ? null : f.residentType().code(), f.name(), f.idNumber(), f.phone(), f.occupation(),
        f.address(), f.building(), f.unitNo(), f.room(), f.movedOn(), renting, landlordName, landlordPhone, null, null,
        null, false, null, false);
    if (earlier == null) {
      mapper.insertMove(move);
    } else {
      mapper.updateMove(move);
      cases.nextSubmission(execution);
      cases.event(key, record.applicantId(), CaseActions.RESUBMITTED, null, null, null);
      cases.moveTo(execution, ResidentMoveStatus.PENDING.code());
    }
    cases.describe(execution, f.moveType().label() + "：" + f.name() + "（" + f.movedOn() + "）");
    // Display only (read-only fields of the forms); nothing routes on them.
    execution.setVariable("moveTypeLabel", f.moveType().label());
    execution.setVariable("residentTypeLabel", f.residentType() == null
        ? (current == null ? "" : ResidentType.of(current.residentType()).label()) : f.residentType().label());
    execution.setVariable("currentAddress", current == null ? "" : current.address());
    execution.setVariable("rentalLabel", renting ? "租住，房东 " + landlordName + "（" + landlordPhone + "）" : "否");
    // The whole number stays in resident_move; task holders read only the mask (PersonalData).
    execution.setVariable(ResidentMoveVariables.ID_NUMBER, PersonalData.mask(f.idNumber()));
  }

  /**
   * A revise form opens with the masked number and sends it back unchanged: that stands for the number
   * on file. Any other masked value is not a number.
   */
  private static void wholeNumberBack(DelegateExecution execution, ResidentMoveEntry earlier) {
    if (execution.getVariable(ResidentMoveVariables.ID_NUMBER) instanceof String given && PersonalData.isMasked(given)) {
      if (earlier == null || !PersonalData.mask(earlier.idNumber()).equals(given.strip().toUpperCase())) {
        throw new InvalidInputException(ResidentMoveVariables.ID_NUMBER,
            "身份证号不完整：请填写完整的 18 位居民身份证号码（沿用原号码请保持表单中显示的内容不变）");
      }
      execution.setVariable(ResidentMoveVariables.ID_NUMBER, earlier.idNumber());
    }
  }
}
