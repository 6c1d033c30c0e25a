package cn.shequflow.core.process;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/notifications}: the latest notices for the authenticated user. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "通知")
@RestController
public class NotificationController {

  private final Notifications notifications;
  private final CurrentUser currentUser;

  public NotificationController(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "我的通知")
  @GetMapping("/api/notifications")
  public List<Notifications.Notice> mine() {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return notifications.latest(userId, 50);
  }
}
