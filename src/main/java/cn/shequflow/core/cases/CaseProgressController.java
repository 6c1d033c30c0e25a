package cn.shequflow.core.cases;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A read-only answer the Tasklist inbox plugin needs beside the approval operations (issue 10):
 *
 * <ul>
 *   <li>{@code GET /api/cases/{businessKey}/progress}: where a case is now, for the confirmation
 *       after 完成 — its status and its open tasks with the person or role that holds each. Only for
 *       a case the user may see ({@link CommunityScope}); 404 otherwise, as the case itself.</li>
 * </ul>
 *
 * The user may not read other people's tasks through the engine, so the answer is read with the
 * product's rights after the check; it writes nothing.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "事项")
@RestController
@RequestMapping("/api")
public class CaseProgressController {

  public record OpenTask(String taskId, String name, String assigneeId, String assigneeName, List<String> roles,
      java.util.Date due) {}

  public record Progress(String businessKey, String status, String statusLabel, boolean closed, int submission,
      List<OpenTask> openTasks) {}

  private final Cases cases;
  private final CommunityScope scope;
  private final CurrentUser currentUser;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Organisation organisation;

  public CaseProgressController(Cases cases, CommunityScope scope, CurrentUser currentUser, TaskService tasks,
      IdentityService identity, Organisation organisation) {
    this.cases = cases;
    this.scope = scope;
    this.currentUser = currentUser;
    this.tasks = tasks;
    this.identity = identity;
    this.organisation = organisation;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "办理进度：事项现在到了哪一步、由谁办理")
  @GetMapping("/cases/{businessKey}/progress")
  public Progress progress(@PathVariable String businessKey) {
    String userId = user();
    CaseRecord c = scope.visibleCase(userId, businessKey);
    CaseFamily family = cases.familyOf(c);
    List<OpenTask> open = asProduct(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
        .active().orderByTaskCreateTime().asc().list().stream().map(this::openTask).toList());
    return new Progress(c.businessKey(), c.status(), family.statusLabel(c.status()), c.closedAt() != null,
        c.submission(), open);
  }

  private OpenTask openTask(Task t) {
    List<String> roles = new ArrayList<>();
    if (t.getAssignee() == null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          Group g = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
          roles.add(g == null || g.getName() == null ? link.getGroupId() : g.getName());
        }
      }
    }
    return new OpenTask(t.getId(), t.getName(), t.getAssignee(),
        t.getAssignee() == null ? null : organisation.displayName(t.getAssignee()), roles, t.getDueDate());
  }

  private String user() {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return userId;
  }

  /** Reads with the product's rights (no per-user authorization checks); restores the user after. */
  private <T> T asProduct(Supplier<T> read) {
    Authentication auth = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (auth != null) {
        identity.setAuthentication(auth);
      }
    }
  }
}
