package cn.shequflow.residence;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.ModelParameters;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordResidentMove}: the community's staff verified the request; it is written
 * to the register (RM-1). The register is checked again here, so a move-in that raced another one past
 * the start (or a move-out of someone moved out meanwhile) is refused naming {@code idNumber} and the
 * verification stays open; the unique index is the last guard.
 *
 * <p>RM-2, with the limits as input parameters of the task: a migrant's move-in recorded more than
 * {@code migrantPeriod} (P1M) after arrival, and any other change recorded after the close of office
 * on the {@code changeWorkingDays}-th (5th) working day after the date of the move (CAL-1), is accepted
 * but flagged late in the register, on the case (status 已登记（逾期登记）) and on its timeline.
 */
@Component("recordResidentMove")
public class RecordResidentMove implements JavaDelegate {

  static final String LATE_FLAG_ACTION = "late-flag";
  /** Process variable that carries the late flag into Cockpit (never read by the product). */
  public static final String LATE_VARIABLE = "lateRegistration";
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ResidentMapper mapper;
  private final ResidentRegister register;
  private final Cases cases;
  private final Deadlines deadlines;
  private final CurrentUser currentUser;
  private final Notifications notifications;

  public RecordResidentMove(ResidentMapper mapper, ResidentRegister register, Cases cases, Deadlines deadlines,
      CurrentUser currentUser, Notifications notifications) {
    this.mapper = mapper;
    this.register = register;
    this.cases = cases;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
    this.notifications = notifications;
  }

  /** When the move must be recorded by (RM-2), and how the rule reads. */
  record Limit(LocalDateTime due, String rule) {}

  Limit limit(ResidentMoveEntry move, Period migrantPeriod, int changeWorkingDays) {
    if (MoveType.MOVE_IN.code().equals(move.moveType()) && ResidentType.MIGRANT.code().equals(move.residentType())) {
      return new Limit(move.movedOn().plus(migrantPeriod).atTime(23, 59, 59),
          "流动人口应于来到之日起 1 个月内登记");
    }
    return new Limit(deadlines.closeOfWorkingDayAfter(move.movedOn(), changeWorkingDays),
        "信息变动应于 " + changeWorkingDays + " 个工作日内登记");
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    String key = record.businessKey();
    ResidentMoveEntry move = mapper.findMove(key);
    Limit limit = limit(move, ModelParameters.period(execution, "migrantPeriod"),
        ModelParameters.nonNegativeInt(execution, "changeWorkingDays"));
    LocalDateTime now = Clock.now();
    boolean late = now.isAfter(limit.due());
    String lateNote = late ? "逾期登记：" + limit.rule() + "，" + MoveType.of(move.moveType()).label() + "日期 "
        + move.movedOn() + "，应于 " + limit.due().format(MOMENT) + " 前登记，实际 " + now.format(MOMENT) + " 登记" : null;
    String userId = currentUser.idOr("system");
    long residentId;
    Resident current = register.registered(record.communityId(), move.idNumber());
    switch (MoveType.of(move.moveType())) {
      case MOVE_IN -> {
        if (current != null) {
          throw ResidentRegister.alreadyRegistered(move.idNumber());
        }
        residentId = register.moveIn(resident(move, late, lateNote), key, userId);
      }
      case MOVE_OUT -> {
        if (current == null) {
          throw ResidentRegister.notRegistered(move.idNumber());
        }
        residentId = current.id();
        register.moveOut(current, move.movedOn(), late, lateNote, key, userId,
            "迁出核销：" + move.movedOn() + " 自 " + current.address() + " 迁往 " + move.address());
      }
      default -> {
        if (current == null) {
          throw ResidentRegister.notRegistered(move.idNumber());
        }
        residentId = current.id();
        register.changeAddress(current, resident(move, late, lateNote), key, userId);
      }
    }
    mapper.recordMove(key, residentId, now, userId, late, lateNote);
    if (late) {
      cases.event(key, userId, LATE_FLAG_ACTION, null, null, lateNote);
      // Display only: Cockpit shows it on the instance, and supervisors can search instances by it.
      execution.setVariable(LATE_VARIABLE, lateNote);
    }
    cases.moveTo(record, late ? ResidentMoveStatus.RECORDED_LATE.code() : ResidentMoveStatus.RECORDED.code());
    notifications.send(record.applicantId(), key, MoveType.of(move.moveType()).label() + "登记 " + key + "（"
        + move.personName() + "）已核实并记入居民登记簿" + (late ? "。" + lateNote : "。"));
  }

  private static NewResident resident(ResidentMoveEntry move, boolean late, String lateNote) {
    NewResident r = new NewResident();
    r.communityId = move.communityId();
    r.personName = move.personName();
    r.idNumber = move.idNumber();
    r.phone = move.phone();
    r.occupation = move.occupation();
    r.address = move.address();
    r.building = move.building();
    r.unitNo = move.unitNo();
    r.room = move.room();
    r.residentType = move.residentType();
    r.renting = move.renting();
    r.landlordName = move.landlordName();
    r.landlordPhone = move.landlordPhone();
    r.arrivedOn = move.movedOn();
    r.late = late;
    r.lateNote = lateNote;
    return r;
  }
}
