package cn.shequflow.residence;

import static cn.shequflow.residence.ResidentMoveVariables.ADDRESS;
import static cn.shequflow.residence.ResidentMoveVariables.BUILDING;
import static cn.shequflow.residence.ResidentMoveVariables.ID_NUMBER;
import static cn.shequflow.residence.ResidentMoveVariables.LANDLORD_NAME;
import static cn.shequflow.residence.ResidentMoveVariables.LANDLORD_PHONE;
import static cn.shequflow.residence.ResidentMoveVariables.MOVED_ON;
import static cn.shequflow.residence.ResidentMoveVariables.MOVE_TYPE;
import static cn.shequflow.residence.ResidentMoveVariables.NAME;
import static cn.shequflow.residence.ResidentMoveVariables.OCCUPATION;
import static cn.shequflow.residence.ResidentMoveVariables.PHONE;
import static cn.shequflow.residence.ResidentMoveVariables.RESIDENT_TYPE;
import static cn.shequflow.residence.ResidentMoveVariables.ROOM;
import static cn.shequflow.residence.ResidentMoveVariables.UNIT_NO;

import cn.shequflow.core.identity.ResidentIdNumber;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The rules of a resident-move request the form cannot express (CONTRACTS.md {@code resident-move},
 * RM-3): a valid identity number (GB 11643, {@link ResidentIdNumber}), a plausible phone number, a
 * move date neither in the future nor before the person's birth; for a move-in the resident type,
 * phone and occupation; a rental is recognised by the landlord's name, and then needs the landlord's
 * phone (and the other way round). Whether the person is in the register is checked by the caller.
 */
@Component
public class ResidentMoveValidator {

  public static final int MAX_NAME = 50;
  public static final int MAX_PHONE = 20;
  public static final int MAX_OCCUPATION = 50;
  public static final int MAX_ADDRESS = 200;
  public static final int MAX_ADDRESS_PART = 20;
  static final String PHONE_PATTERN = "[0-9][0-9\\-]{5,18}[0-9]";
  static final Set<String> MOVE_TYPES = Arrays.stream(MoveType.values()).map(MoveType::code)
      .collect(Collectors.toUnmodifiableSet());
  static final Set<String> RESIDENT_TYPES = Arrays.stream(ResidentType.values()).map(ResidentType::code)
      .collect(Collectors.toUnmodifiableSet());

  public record Fields(MoveType moveType, ResidentType residentType, String name, String idNumber, String phone,
      String occupation, String address, String building, String unitNo, String room, LocalDate movedOn,
      String landlordName, String landlordPhone) {

    public boolean renting() {
      return landlordName != null;
    }
  }

  public Fields validate(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    MoveType moveType = MoveType.of(in.requiredEnum(MOVE_TYPE, "登记类型", MOVE_TYPES));
    String name = in.requiredText(NAME, "姓名", MAX_NAME);
    String idNumber = ResidentIdNumber.required(in, ID_NUMBER, "身份证号");
    ResidentType residentType = null;
    if (moveType == MoveType.MOVE_IN || scope.getVariable(RESIDENT_TYPE) != null
        && !(scope.getVariable(RESIDENT_TYPE) instanceof String s && s.isBlank())) {
      residentType = ResidentType.of(in.requiredEnum(RESIDENT_TYPE, "人口类型", RESIDENT_TYPES));
    }
    String phone = phone(in, PHONE, "联系电话");
    String occupation = in.optionalText(OCCUPATION, "职业", MAX_OCCUPATION);
    if (moveType == MoveType.MOVE_IN) {
      if (phone == null) {
        throw new InvalidInputException(PHONE, "迁入登记须填写联系电话");
      }
      if (occupation == null) {
        throw new InvalidInputException(OCCUPATION, "迁入登记须填写职业");
      }
    }
    String address = in.requiredText(ADDRESS, moveType == MoveType.MOVE_OUT ? "迁往地址" : "居住地址", MAX_ADDRESS);
    String building = in.optionalText(BUILDING, "楼栋", MAX_ADDRESS_PART);
    String unitNo = in.optionalText(UNIT_NO, "单元", MAX_ADDRESS_PART);
    String room = in.optionalText(ROOM, "房号", MAX_ADDRESS_PART);
    LocalDate movedOn = in.requiredDate(MOVED_ON, moveType.label() + "日期");
    if (movedOn.isAfter(Clock.today())) {
      throw new InvalidInputException(MOVED_ON, moveType.label() + "日期不能晚于今天：事情发生后再登记");
    }
    if (movedOn.isBefore(ResidentIdNumber.birthDate(idNumber))) {
      throw new InvalidInputException(MOVED_ON, moveType.label() + "日期不能早于出生日期");
    }
    String landlordName = in.optionalText(LANDLORD_NAME, "房东姓名", MAX_NAME);
    String landlordPhone = phone(in, LANDLORD_PHONE, "房东联系电话");
    if (moveType == MoveType.MOVE_OUT && (landlordName != null || landlordPhone != null)) {
      throw new InvalidInputException(landlordName != null ? LANDLORD_NAME : LANDLORD_PHONE,
          "迁出登记不填写房东信息：租住情况以登记簿为准");
    }
    if (landlordName != null && landlordPhone == null) {
      throw new InvalidInputException(LANDLORD_PHONE, "租住房屋须填写房东联系电话");
    }
    if (landlordPhone != null && landlordName == null) {
      throw new InvalidInputException(LANDLORD_NAME, "租住房屋须填写房东姓名");
    }
    return new Fields(moveType, residentType, name, idNumber, phone, occupation, address, building, unitNo, room,
        movedOn, landlordName, landlordPhone);
  }

  private static String phone(Inputs in, String field, String label) {
    String phone = in.optionalText(field, label, MAX_PHONE);
    if (phone != null && !phone.matches(PHONE_PATTERN)) {
      throw new InvalidInputException(field, label + "应为 7 到 20 位数字（可含 -），如 13907920001 或 0792-8221234");
    }
    return phone;
  }
}
