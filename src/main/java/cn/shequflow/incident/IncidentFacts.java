package cn.shequflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Bean {@code incidentFacts}: the incident's facts for the model's inputs and gateways, read from the register. */
@Component("incidentFacts")
public class IncidentFacts {

  private final IncidentRegister register;

  public IncidentFacts(IncidentRegister register) {
    this.register = register;
  }

  public String severity(DelegateExecution execution) {
    return register.find(execution.getProcessBusinessKey()).severity();
  }

  public String category(DelegateExecution execution) {
    return register.find(execution.getProcessBusinessKey()).category();
  }
}
