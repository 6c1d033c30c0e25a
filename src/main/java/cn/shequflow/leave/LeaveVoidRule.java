package cn.shequflow.leave;

import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.VoidRule;
import cn.shequflow.core.process.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 作废 of a leave: only an approved leave that has not started — by the product clock, before the
 * first working day of the leave (a leave entered from a weekend starts on the working day after it).
 * Once it has started the applicant reports back (销假, LV-4) instead.
 */
@Component
public class LeaveVoidRule implements VoidRule {

  private final LeaveRegister register;
  private final WorkCalendar calendar;

  public LeaveVoidRule(LeaveRegister register, WorkCalendar calendar) {
    this.register = register;
    this.calendar = calendar;
  }

  @Override
  public String family() {
    return LeaveFamily.KEY;
  }

  /** The first working day of the leave: the day it takes effect. */
  public LocalDate firstWorkingDay(LocalDate startDate) {
    return calendar.isWorkingDay(startDate) ? startDate : calendar.nextWorkingDay(startDate);
  }

  @Override
  public Optional<String> refusal(CaseRecord record) {
    LeaveStatus status = LeaveStatus.of(record.status());
    if (status == LeaveStatus.PENDING || status == LeaveStatus.REJECTED) {
      return Optional.of("请假申请尚未批准，不能作废；不再请假的，请使用“撤回”");
    }
    if (status != LeaveStatus.APPROVED) {
      return Optional.of("请假申请" + status.label() + "，不能作废");
    }
    LeaveEntry leave = register.find(record.businessKey());
    LocalDate effective = firstWorkingDay(leave.startDate());
    if (!Clock.today().isBefore(effective)) {
      return Optional.of("假期已于 " + effective + " 开始，不能作废；请按规定办理销假");
    }
    return Optional.empty();
  }
}
