package cn.shequflow.core.audit;

import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.process.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{businessKey}/timeline/verify}: whether the case's timeline is intact (its
 * hash chain checks), for whoever may see the case; Tasklist's 审批记录 shows 已校验 when it is.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "事项")
@RestController
public class TimelineVerifyController {

  private final TimelineChain timelines;
  private final CommunityScope scope;
  private final CurrentUser currentUser;

  public TimelineVerifyController(TimelineChain timelines, CommunityScope scope, CurrentUser currentUser) {
    this.timelines = timelines;
    this.scope = scope;
    this.currentUser = currentUser;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "校验审批记录未被改动（哈希链），指出第一处断点")
  @GetMapping("/api/cases/{businessKey}/timeline/verify")
  public ChainCheck verify(@PathVariable String businessKey) {
    scope.visibleCase(currentUser.id(), businessKey);
    return timelines.verify(businessKey);
  }
}
