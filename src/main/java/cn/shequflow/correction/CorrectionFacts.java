package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the correction models read from the register ({@code ${correctionFacts.travelDays(execution)}}):
 * decision tables and gateways decide on the stored application, never on a process variable.
 */
@Service("correctionFacts")
public class CorrectionFacts {

  private final TravelRegister travels;
  private final ResidenceChangeRegister residences;
  private final Cases cases;

  public CorrectionFacts(TravelRegister travels, ResidenceChangeRegister residences, Cases cases) {
    this.travels = travels;
    this.residences = residences;
    this.cases = cases;
  }

  public TravelEntry travel(DelegateExecution execution) {
    return travel(cases.of(execution));
  }

  TravelEntry travel(CaseRecord record) {
    TravelEntry entry = travels.find(record.businessKey());
    if (entry == null) {
      throw new IllegalStateException("No travel application registered for " + record.businessKey());
    }
    return entry;
  }

  public ResidenceChangeEntry residence(DelegateExecution execution) {
    return residence(cases.of(execution));
  }

  ResidenceChangeEntry residence(CaseRecord record) {
    ResidenceChangeEntry entry = residences.find(record.businessKey());
    if (entry == null) {
      throw new IllegalStateException("No change of residence registered for " + record.businessKey());
    }
    return entry;
  }

  /** CC-1: input of {@code correctionTravelApprovers}. */
  public int travelDays(DelegateExecution execution) {
    return travel(execution).days();
  }

  /** CC-5: input of {@code correctionTravelApprovers}. */
  public boolean restrictedPlace(DelegateExecution execution) {
    return travel(execution).restrictedPlace();
  }

  /** CC-2: both written proofs were checked and are present. */
  public boolean proofsComplete(DelegateExecution execution) {
    return travel(execution).proofsComplete();
  }

  /** Input of {@code correctionResidenceApprovers}. */
  public boolean newCountySame(DelegateExecution execution) {
    return residence(execution).newCountySame();
  }

  /** CC-3: the new residence is in another county and its bureau's opinion is not recorded yet. */
  public boolean receivingOpinionOutstanding(DelegateExecution execution) {
    ResidenceChangeEntry e = residence(execution);
    return !e.newCountySame() && e.receivingOpinion() == null;
  }
}
