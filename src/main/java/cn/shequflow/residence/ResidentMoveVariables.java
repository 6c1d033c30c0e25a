package cn.shequflow.residence;

import cn.shequflow.core.process.ApprovalDecision;
import java.util.Map;
import java.util.Set;

/** The variable names of {@code resident-move} (CONTRACTS.md), and what each form lets a person write. */
public final class ResidentMoveVariables {

  public static final String MOVE_TYPE = "moveType";
  public static final String RESIDENT_TYPE = "residentType";
  public static final String NAME = "name";
  public static final String ID_NUMBER = "idNumber";
  public static final String PHONE = "phone";
  public static final String OCCUPATION = "occupation";
  public static final String ADDRESS = "address";
  public static final String BUILDING = "building";
  public static final String UNIT_NO = "unitNo";
  public static final String ROOM = "room";
  public static final String MOVED_ON = "movedOn";
  public static final String LANDLORD_NAME = "landlordName";
  public static final String LANDLORD_PHONE = "landlordPhone";
  public static final String RESUBMIT = "resubmit";

  static final Set<String> REQUEST = Set.of(MOVE_TYPE, RESIDENT_TYPE, NAME, ID_NUMBER, PHONE, OCCUPATION, ADDRESS,
      BUILDING, UNIT_NO, ROOM, MOVED_ON, LANDLORD_NAME, LANDLORD_PHONE);

  static final Set<String> REVISE = Set.of(MOVE_TYPE, RESIDENT_TYPE, NAME, ID_NUMBER, PHONE, OCCUPATION, ADDRESS,
      BUILDING, UNIT_NO, ROOM, MOVED_ON, LANDLORD_NAME, LANDLORD_PHONE, RESUBMIT);

  public static final Map<String, Set<String>> FORM_INPUTS = Map.of(
      "resident-move-start", REQUEST,
      "resident-move-verify", ApprovalDecision.FIELDS,
      "resident-move-revise", REVISE);

  private ResidentMoveVariables() {}
}
