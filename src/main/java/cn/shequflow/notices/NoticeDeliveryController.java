package cn.shequflow.notices;

import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.notices.NoticeDeliveries.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For the administrator: the copies of notices by e-mail and group robot, e.g. those that failed. */
@Tag(name = "通知")
@RestController
public class NoticeDeliveryController {

  private static final Set<String> STATUSES = Set.of(NoticeDeliveries.PENDING, NoticeDeliveries.SENT,
      NoticeDeliveries.FAILED);

  private final NoticeDeliveries deliveries;
  private final CurrentUser currentUser;

  public NoticeDeliveryController(NoticeDeliveries deliveries, CurrentUser currentUser) {
    this.deliveries = deliveries;
    this.currentUser = currentUser;
  }

  @Operation(summary = "通知外发记录（管理员）", description = "按状态列出邮件、群机器人外发的通知副本，最近的 100 条；"
      + "status 为 PENDING（待发送）、SENT（已发送）或 FAILED（多次失败后放弃）")
  @GetMapping("/api/notices/deliveries")
  public List<Delivery> list(@RequestParam(name = "status", defaultValue = "FAILED") String status) {
    currentUser.requireAdministrator("通知外发记录只有管理员可以查看");
    if (!STATUSES.contains(status)) {
      throw new cn.shequflow.core.process.InvalidInputException("status", "status 只能是 PENDING、SENT 或 FAILED");
    }
    return deliveries.withStatus(status, 100);
  }
}
