package cn.shequflow.residence;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code verifyResidentMove}, before the approval chain's own: a member of the
 * community's staff does not verify a move he filed himself; another colleague of the group does (409).
 */
@Component("verifierIsNotFiler")
public class VerifierIsNotFiler implements TaskListener {

  private final Cases cases;
  private final CurrentUser currentUser;

  public VerifierIsNotFiler(Cases cases, CurrentUser currentUser) {
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    String userId = currentUser.id();
    if (userId != null && userId.equals(record.applicantId())) {
      throw new CaseConflictException("不能核实自己提交的登记 " + record.businessKey() + "：请由本社区其他干部核实");
    }
  }
}
