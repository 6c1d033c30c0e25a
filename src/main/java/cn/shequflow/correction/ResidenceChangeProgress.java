package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import org.springframework.stereotype.Component;

/**
 * Keeps the status of an approved change of residence in line with its two deadlines
 * ({@link ResidenceChangeStatus#of}), through the platform's one status mechanism.
 */
@Component
public class ResidenceChangeProgress {

  private final ResidenceChangeRegister register;
  private final Cases cases;

  public ResidenceChangeProgress(ResidenceChangeRegister register, Cases cases) {
    this.register = register;
    this.cases = cases;
  }

  public ResidenceChangeStatus update(CaseRecord record) {
    ResidenceChangeStatus status = ResidenceChangeStatus.of(register.find(record.businessKey()));
    if (!status.code().equals(cases.get(record.businessKey()).status())) {
      cases.moveTo(record, status.code());
    }
    return status;
  }
}
