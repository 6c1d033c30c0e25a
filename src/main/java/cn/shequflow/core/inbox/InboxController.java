package cn.shequflow.core.inbox;

import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import java.util.List;

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
@io.swagger.v3.oas.annotations.tags.Tag(name = "收件箱")
@RestController
public class InboxController {

  private final InboxOperations operations;
  private final InboxLists lists;
  private final ApprovalSheet sheet;
  private final Exports exports;

  static final List<Column<InboxLists.MyCase>> MINE = List.of(
      Column.of("事项编号", InboxLists.MyCase::businessKey),
      Column.of("事项类型", InboxLists.MyCase::familyLabel),
      Column.of("摘要", InboxLists.MyCase::subject),
      Column.of("状态", InboxLists.MyCase::statusLabel),
      Column.of("当前办理", c -> c.currentSteps() == null ? "" : String.join("；", c.currentSteps().stream()
          .map(s -> s.taskName() + (s.holders() == null ? "" : "（" + s.holders() + "）")).toList())),
      Column.of("提交时间", InboxLists.MyCase::createdAt),
      Column.of("办结时间", InboxLists.MyCase::closedAt));

  static final List<Column<InboxLists.DoneTask>> DONE = List.of(
      Column.of("事项编号", InboxLists.DoneTask::businessKey),
      Column.of("事项类型", InboxLists.DoneTask::familyLabel),
      Column.of("摘要", InboxLists.DoneTask::subject),
      Column.of("环节", InboxLists.DoneTask::taskName),
      Column.of("处理结果", InboxLists.DoneTask::decisionLabel),
      Column.of("意见", InboxLists.DoneTask::comment),
      Column.of("办理时间", InboxLists.DoneTask::at));

  public InboxController(InboxOperations operations, InboxLists lists, ApprovalSheet sheet, Exports exports) {
    this.exports = exports;
    this.operations = operations;
    this.lists = lists;
    this.sheet = sheet;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "转办：把任务交给同岗位的其他人员")
  @PostMapping("/api/tasks/{taskId}/transfer")
  public InboxOperations.Result transfer(@PathVariable String taskId, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.HandOn.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body(body);
    return operations.transfer(taskId, text(b, "userId"), text(b, "reason"));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "委派：请同岗位的人员代为处理，处理后交回本人")
  @PostMapping("/api/tasks/{taskId}/delegate")
  public InboxOperations.Result delegate(@PathVariable String taskId, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.HandOn.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body(body);
    return operations.delegate(taskId, text(b, "userId"), text(b, "reason"));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "抄送")
  @PostMapping("/api/tasks/{taskId}/cc")
  public InboxOperations.Result cc(@PathVariable String taskId, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.Copy.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body(body);
    return operations.copy(taskId, b.get("userIds"), text(b, "note"));
  }

  /** Whom the caller may pick: {@code ?for=transfer|delegate|cc}. */
  @io.swagger.v3.oas.annotations.Operation(summary = "转办、委派或抄送时可以选择的人员")
  @GetMapping("/api/tasks/{taskId}/targets")
  public java.util.List<InboxOperations.PersonOption> targets(@PathVariable String taskId,
      @RequestParam(name = "for", defaultValue = "transfer") String kind) {
    return operations.targets(taskId, kind);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "催办（同一事项一小时内只能催办一次）")
  @PostMapping("/api/cases/{businessKey}/urge")
  public InboxOperations.Result urge(@PathVariable String businessKey, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.Note.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    return operations.urge(businessKey, text(body(body), "note"));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "抄送我的")
  @GetMapping("/api/cc")
  public InboxLists.Page<InboxLists.CcItem> copiedToMe(@RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return lists.copiedToMe(new Paging(page, size));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "把一条抄送标记为已读")
  @PostMapping("/api/cc/{id}/read")
  public ResponseEntity<Void> read(@PathVariable long id) {
    operations.markRead(id);
    return ResponseEntity.noContent().build();
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "我的申请（format=xlsx：导出为 Excel）")
  @GetMapping("/api/cases/mine")
  public InboxLists.Page<InboxLists.MyCase> mine(@RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return lists.myCases(new Paging(page, size));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "已办（format=xlsx：导出为 Excel）")
  @GetMapping("/api/tasks/done")
  public InboxLists.Page<InboxLists.DoneTask> done(@RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return lists.done(new Paging(page, size));
  }

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(value = "/api/cases/mine", params = "format=xlsx")
  public ResponseEntity<byte[]> mineWorkbook() {
    return exports.send("我的申请", MINE, Exports.allPages(n -> lists.myCases(new Paging(n, Paging.MAX_SIZE)).items()), null);
  }

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(value = "/api/tasks/done", params = "format=xlsx")
  public ResponseEntity<byte[]> doneWorkbook() {
    return exports.send("已办", DONE, Exports.allPages(n -> lists.done(new Paging(n, Paging.MAX_SIZE)).items()), null);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "审批单（可打印的 A4 网页）")
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
