package cn.shequflow.core.inbox;

import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.InvalidInputException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox over HTTP (CONTRACTS.md "Approval operations"; HTTP Basic or the webapps' session):
 * <ul>
 *   <li>{@code POST /api/tasks/{taskId}/transfer {"userId","reason"}} 转办</li>
 *   <li>{@code POST /api/tasks/{taskId}/delegate {"userId","reason"}} 委派</li>
 *   <li>{@code POST /api/tasks/{taskId}/cc {"userIds":[...],"note"}} 抄送; {@code GET /api/cc} 抄送我的;
 *       {@code POST /api/cc/{id}/read}</li>
 *   <li>{@code GET /api/tasks/{taskId}/targets?for=transfer|delegate|cc}: whom the caller may pick</li>
 *   <li>{@code POST /api/cases/{businessKey}/urge {"note"}} 催办</li>
 *   <li>{@code GET /api/cases/mine} 我的申请, {@code GET /api/tasks/done} 已办</li>
 *   <li>{@code GET /api/cases/{businessKey}/sheet} 审批单 (HTML for A4)</li>
 * </ul>
 */
@RestController
public class InboxController {

  private final InboxOperations operations;
  private final InboxLists lists;
  private final ApprovalSheet sheet;

  public InboxController(InboxOperations operations, InboxLists lists, ApprovalSheet sheet) {
    this.operations = operations;
    this.lists = lists;
    this.sheet = sheet;
  }

  @PostMapping("/api/tasks/{taskId}/transfer")
  public InboxOperations.Result transfer(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body(body);
    return operations.transfer(taskId, text(b, "userId"), text(b, "reason"));
  }

  @PostMapping("/api/tasks/{taskId}/delegate")
  public InboxOperations.Result delegate(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body(body);
    return operations.delegate(taskId, text(b, "userId"), text(b, "reason"));
  }

  @PostMapping("/api/tasks/{taskId}/cc")
  public InboxOperations.Result cc(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body(body);
    return operations.copy(taskId, b.get("userIds"), text(b, "note"));
  }

  /** Whom the caller may pick: {@code ?for=transfer|delegate|cc}. */
  @GetMapping("/api/tasks/{taskId}/targets")
  public java.util.List<InboxOperations.PersonOption> targets(@PathVariable String taskId,
      @RequestParam(name = "for", defaultValue = "transfer") String kind) {
    return operations.targets(taskId, kind);
  }

  @PostMapping("/api/cases/{businessKey}/urge")
  public InboxOperations.Result urge(@PathVariable String businessKey, @RequestBody(required = false) Map<String, Object> body) {
    return operations.urge(businessKey, text(body(body), "note"));
  }

  @GetMapping("/api/cc")
  public InboxLists.Page<InboxLists.CcItem> copiedToMe(@RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return lists.copiedToMe(new Paging(page, size));
  }

  @PostMapping("/api/cc/{id}/read")
  public ResponseEntity<Void> read(@PathVariable long id) {
    operations.markRead(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/cases/mine")
  public InboxLists.Page<InboxLists.MyCase> mine(@RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return lists.myCases(new Paging(page, size));
  }

  @GetMapping("/api/tasks/done")
  public InboxLists.Page<InboxLists.DoneTask> done(@RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return lists.done(new Paging(page, size));
  }

  @GetMapping("/api/cases/{businessKey}/sheet")
  public ResponseEntity<String> sheet(@PathVariable String businessKey) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(sheet.render(businessKey));
  }

  private static Map<String, Object> body(Map<String, Object> body) {
    return body == null ? Map.of() : body;
  }

  /** A text field of the body: absent or null is null; anything but a string is 400 naming it. */
  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidInputException(field, field + " 应为文字");
  }
}
