package cn.shequflow.core.approval.operations;

import cn.shequflow.core.approval.operations.ApprovalOperations.Outcome;
import cn.shequflow.core.approval.operations.ApprovalOperations.Target;
import cn.shequflow.core.process.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST endpoints of 退回, 撤回, 作废 and 加签 (CONTRACTS.md "Approval operations"); the rules are in
 * {@link ApprovalOperations}. Bodies are JSON objects; a field of the wrong type is 400 naming it.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "审批操作")
@RestController
public class ApprovalOperationsController {

  private final ApprovalOperations operations;
  private final CaseVoiding voiding;

  public ApprovalOperationsController(ApprovalOperations operations, CaseVoiding voiding) {
    this.operations = operations;
    this.voiding = voiding;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "可以退回到的环节")
  @GetMapping("/api/tasks/{taskId}/return-targets")
  public List<Target> returnTargets(@PathVariable String taskId) {
    return operations.returnTargets(taskId);
  }

  /** {@code {"targetActivityId", "reason"}}. */
  @io.swagger.v3.oas.annotations.Operation(summary = "退回")
  @PostMapping("/api/tasks/{taskId}/return")
  public Outcome returnTask(@PathVariable String taskId, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.Return.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    return operations.returnTo(taskId, text(body, "targetActivityId"), text(body, "reason"));
  }

  /** {@code {"reason"}}. */
  @io.swagger.v3.oas.annotations.Operation(summary = "撤回")
  @PostMapping("/api/cases/{businessKey}/withdraw")
  public Outcome withdraw(@PathVariable String businessKey, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.Reason.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    return operations.withdraw(businessKey, text(body, "reason"));
  }

  /** {@code {"reason"}}: 作废 an approved request whose effect has not started ({@link CaseVoiding}). */
  @io.swagger.v3.oas.annotations.Operation(summary = "作废")
  @PostMapping("/api/cases/{businessKey}/void")
  public Outcome voidCase(@PathVariable String businessKey, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.Reason.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    return voiding.voidCase(businessKey, text(body, "reason"));
  }

  /** {@code {"userId", "position": "before" | "after", "reason"}}. */
  @io.swagger.v3.oas.annotations.Operation(summary = "加签")
  @PostMapping("/api/tasks/{taskId}/add-signer")
  public Outcome addSigner(@PathVariable String taskId, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.AddSigner.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    return operations.addSigner(taskId, text(body, "userId"), text(body, "position"), text(body, "reason"));
  }

  /** A refusal raised inside the engine command (who may): 403 with its Chinese message. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status.name());
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new InvalidInputException(field, field + " 应为文字");
    }
    return s;
  }
}
