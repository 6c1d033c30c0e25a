package cn.shequflow.leave;

import cn.shequflow.core.files.AttachmentFacts;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the policy of required attachments reads of a leave case: its type and days, from the register. */
@Component
public class LeaveAttachmentFacts implements AttachmentFacts {

  private final LeaveRegister register;

  public LeaveAttachmentFacts(LeaveRegister register) {
    this.register = register;
  }

  @Override
  public String family() {
    return LeaveFamily.KEY;
  }

  @Override
  public Map<String, Object> of(String businessKey) {
    LeaveEntry entry = register.find(businessKey);
    if (entry == null) {
      return Map.of();
    }
    return Map.of("leaveType", entry.leaveType(), "days", entry.days().doubleValue());
  }
}
