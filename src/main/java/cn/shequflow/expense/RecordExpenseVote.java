package cn.shequflow.expense;

import static cn.shequflow.expense.ExpenseVariables.MEETING_ON;
import static cn.shequflow.expense.ExpenseVariables.NOTICE_POSTED_ON;
import static cn.shequflow.expense.ExpenseVariables.REPRESENTATIVES_PRESENT;
import static cn.shequflow.expense.ExpenseVariables.REPRESENTATIVES_TOTAL;
import static cn.shequflow.expense.ExpenseVariables.VOTES_IN_FAVOUR;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code recordVote} (EX-6, EX-7): the tally must add up (400 naming the field
 * otherwise, the task stays open); the product decides pass or fail by EX-7 and writes both to the
 * register and the timeline. A failed vote ends the round: the office never sees the expense.
 */
@Component("recordExpenseVote")
public class RecordExpenseVote implements TaskListener {

  private final ExpenseRegister register;
  private final Cases cases;
  private final ApprovalChain chain;
  private final Organisation organisation;
  private final CurrentUser currentUser;

  public RecordExpenseVote(ExpenseRegister register, Cases cases, ApprovalChain chain, Organisation organisation,
      CurrentUser currentUser) {
    this.register = register;
    this.cases = cases;
    this.chain = chain;
    this.organisation = organisation;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Inputs in = Inputs.of(task);
    int total = whole(in.requiredNumber(REPRESENTATIVES_TOTAL, "居民代表总数"), REPRESENTATIVES_TOTAL, "居民代表总数");
    int present = whole(in.requiredNumber(REPRESENTATIVES_PRESENT, "到会代表人数"), REPRESENTATIVES_PRESENT, "到会代表人数");
    int inFavour = whole(in.requiredNumber(VOTES_IN_FAVOUR, "赞成票数"), VOTES_IN_FAVOUR, "赞成票数");
    LocalDate notice = in.requiredDate(NOTICE_POSTED_ON, "议题公告日期");
    LocalDate meeting = in.requiredDate(MEETING_ON, "会议日期");
    if (total < 1) {
      throw new InvalidInputException(REPRESENTATIVES_TOTAL, "居民代表总数至少为 1");
    }
    if (present > total) {
      throw new InvalidInputException(REPRESENTATIVES_PRESENT, "到会代表人数不能多于代表总数（" + total + "）");
    }
    if (inFavour > present) {
      throw new InvalidInputException(VOTES_IN_FAVOUR, "赞成票数不能多于到会代表人数（" + present + "）");
    }
    if (notice.isAfter(meeting)) {
      throw new InvalidInputException(NOTICE_POSTED_ON, "议题公告日期不能晚于会议日期");
    }
    if (meeting.isAfter(Clock.today())) {
      throw new InvalidInputException(MEETING_ON, "会议日期不能晚于今天：开会表决后再登记");
    }
    AssemblyVote.Result result = AssemblyVote.DEFAULT.evaluate(total, present, inFavour, notice, meeting);
    CaseRecord record = cases.of(execution);
    register.recordVote(record.businessKey(), total, present, inFavour, notice, meeting, result.passed(),
        result.explanation());
    String userId = currentUser.id();
    cases.event(record.businessKey(), userId, result.passed() ? "vote-passed" : "vote-failed", task.getName(),
        result.passed(), result.explanation());
    if (!result.passed()) {
      chain.cancelRound(execution);
      // What the applicant reads on the revise form (display only).
      execution.getProcessInstance().setVariable("returnedByName", organisation.displayName(userId));
      execution.getProcessInstance().setVariable("returnComment", result.explanation());
    }
  }

  private static int whole(BigDecimal number, String field, String label) {
    if (number.stripTrailingZeros().scale() > 0 || number.signum() < 0) {
      throw new InvalidInputException(field, label + "必须是非负整数");
    }
    return number.intValueExact();
  }
}
