package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.EARLIEST_TAKE_DOWN_ON;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.TAKEN_DOWN_ON;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create and complete listener of {@code takeDownDisclosure} (EX-8: a disclosure stays posted at
 * least 10 days). The days are calendar days, weekends and holidays included (residents read the
 * board on those days too), counted from the posting date: with the task's input parameter
 * {@code minimumPostedDays} = 10, a disclosure posted on 9 October may come down on 19 October, not
 * on the 18th. On create, the first allowed day is kept in the register and shown on the form; on
 * complete, an earlier {@code takenDownOn} is refused (400 naming it) and the task stays open.
 */
@Component("recordDisclosureTakenDown")
public class RecordDisclosureTakenDown implements TaskListener {

  private final MonthlyReportMapper mapper;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordDisclosureTakenDown(MonthlyReportMapper mapper, Cases cases, CurrentUser currentUser) {
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    MonthlyReport report = mapper.find(record.businessKey());
    if (report.postedOn() == null) {
      throw new IllegalStateException("Monthly report " + record.businessKey() + " has no posting date");
    }
    int minimumDays = MonthlyReports.minimumPostedDays(task);
    LocalDate earliest = MonthlyReports.earliestTakeDown(report.postedOn(), minimumDays);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      mapper.setTakeDownFrom(record.businessKey(), earliest);
      task.getExecution().setVariable(EARLIEST_TAKE_DOWN_ON, earliest.toString());
      return;
    }
    LocalDate takenDownOn = Inputs.of(task).requiredDate(TAKEN_DOWN_ON, "撤下日期");
    if (takenDownOn.isAfter(Clock.today())) {
      throw new InvalidInputException(TAKEN_DOWN_ON, "撤下日期不能晚于今天（" + Clock.today() + "）：撤下后再登记");
    }
    long days = ChronoUnit.DAYS.between(report.postedOn(), takenDownOn);
    if (takenDownOn.isBefore(earliest)) {
      throw new InvalidInputException(TAKEN_DOWN_ON, "财务公开须至少公示 " + minimumDays + " 天（按自然日计算）："
          + report.postedOn() + " 张贴，最早 " + earliest + " 方可撤下；" + takenDownOn + " 撤下只公示了 "
          + Math.max(days, 0) + " 天，请继续公示");
    }
    String userId = currentUser.id();
    mapper.recordTakenDown(record.businessKey(), takenDownOn, userId);
    cases.event(record.businessKey(), userId, "disclosure-taken-down", task.getName(), null,
        "撤下日期 " + takenDownOn + "，公示 " + days + " 天");
  }
}
