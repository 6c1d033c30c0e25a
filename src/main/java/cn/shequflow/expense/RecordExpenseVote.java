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
import cn.shequflow.core.organisation.Representatives;
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
 * Create and complete listener of {@code recordVote} (EX-6, EX-7). The total of representatives is
 * the community's, kept by the administrator ({@link Representatives}), never a number typed at the
 * vote: on create it is shown on the form (read-only), on complete it is read again. The tally must
 * add up, the agenda notice comes before the meeting, and the meeting lies between the day the
 * request was filed and today (400 naming the field otherwise, the task stays open); the product
 * decides pass or fail by EX-7 and writes both to the register and the timeline. A failed vote ends
 * the round: the office never sees the expense.
 */
@Component("recordExpenseVote")
public class RecordExpenseVote implements TaskListener {

  private final ExpenseRegister register;
  private final Cases cases;
  private final ApprovalChain chain;
  private final Organisation organisation;
  private final Representatives representatives;
  private final CurrentUser currentUser;

  public RecordExpenseVote(ExpenseRegister register, Cases cases, ApprovalChain chain, Organisation organisation,
      Representatives representatives, CurrentUser currentUser) {
    this.register = register;
    this.cases = cases;
    this.chain = chain;
    this.organisation = organisation;
    this.representatives = representatives;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    CaseRecord record = cases.of(execution);
    Integer kept = representatives.total(record.communityId()).orElse(null);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // What the form shows (display only; the form does not let anyone send it).
      task.setVariableLocal(REPRESENTATIVES_TOTAL, kept);
      return;
    }
    if (kept == null) {
      throw new InvalidInputException(REPRESENTATIVES_TOTAL, record.communityName()
          + "的居民代表人数尚未登记，无法计算票决结果：请管理员先登记本社区居民代表人数");
    }
    int total = kept;
    Inputs in = Inputs.of(task);
    int present = whole(in.requiredNumber(REPRESENTATIVES_PRESENT, "到会代表人数"), REPRESENTATIVES_PRESENT, "到会代表人数");
    int inFavour = whole(in.requiredNumber(VOTES_IN_FAVOUR, "赞成票数"), VOTES_IN_FAVOUR, "赞成票数");
    LocalDate notice = in.requiredDate(NOTICE_POSTED_ON, "议题公告日期");
    LocalDate meeting = in.requiredDate(MEETING_ON, "会议日期");
    if (present > total) {
      throw new InvalidInputException(REPRESENTATIVES_PRESENT, "到会代表人数不能多于本社区居民代表总数（" + total + " 人）");
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
    LocalDate filed = record.createdAt().toLocalDate();
    if (meeting.isBefore(filed)) {
      throw new InvalidInputException(MEETING_ON, "会议日期 " + meeting + " 早于本申请的提交日期 " + filed
          + "：票决须是提交申请后为本申请召开的居民代表会议");
    }
    AssemblyVote.Result result = AssemblyVote.DEFAULT.evaluate(total, present, inFavour, notice, meeting);
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
