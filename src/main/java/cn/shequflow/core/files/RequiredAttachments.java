package cn.shequflow.core.files;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.process.PolicyDecisions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The policy of required attachments (issue 19), in one place: the decision table
 * {@code requiredAttachments} ({@code processes/files/required-attachments.dmn}, latest version),
 * which an analyst edits in Modeler. Inputs: the case's {@code family}, the {@code task} being
 * completed (its BPMN id), whether the decision given is {@code approved}, and the family's facts
 * ({@link AttachmentFacts}: {@code leaveType}, {@code days}). Each matching rule names a file
 * {@code kind} the case must carry before the task is completed, and the Chinese {@code message} a
 * person reads when it does not. A policy decision ({@link PolicyDecisions}): evaluated on every
 * completion, without decision history.
 */
@Service
public class RequiredAttachments {

  public static final String DECISION = "requiredAttachments";

  /** A kind of file the case must carry, and what the person reads without it. */
  public record Requirement(String kind, String message) {}

  private final PolicyDecisions policies;
  private final CaseFileRepository files;
  private final ObjectProvider<AttachmentFacts> facts;

  public RequiredAttachments(PolicyDecisions policies, CaseFileRepository files, ObjectProvider<AttachmentFacts> facts) {
    this.policies = policies;
    this.files = files;
    this.facts = facts;
  }

  /** What completing {@code task} of the case with this decision requires. */
  public List<Requirement> required(CaseRecord c, String task, boolean approved) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("family", c.family());
    variables.put("task", task);
    variables.put("approved", approved);
    variables.put("leaveType", "");
    variables.put("days", 0.0);
    facts.orderedStream().filter(f -> f.family().equals(c.family())).forEach(f -> variables.putAll(f.of(c.businessKey())));
    return policies.evaluate(DECISION, variables).getResultList().stream()
        .map(r -> new Requirement((String) r.get("kind"), (String) r.get("message")))
        .toList();
  }

  /** The first requirement the case does not meet yet, if any. */
  public Optional<Requirement> missing(CaseRecord c, String task, boolean approved) {
    return required(c, task, approved).stream()
        .filter(r -> files.countOfKind(c.businessKey(), r.kind()) == 0)
        .findFirst();
  }
}
