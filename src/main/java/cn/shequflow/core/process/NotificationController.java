package cn.shequflow.core.process;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in user's own notices (the bell in Tasklist): the latest 50, the unread count, and
 * marking them read. Nobody reads or marks another person's notices.
 */
@Tag(name = "通知")
@RestController
public class NotificationController {

  private final Notifications notifications;
  private final CurrentUser currentUser;

  public NotificationController(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @Operation(summary = "我的通知", description = "最近 50 条，新的在前；readAt 为空表示未读")
  @GetMapping("/api/notifications")
  public List<Notifications.Notice> mine() {
    return notifications.latest(me(), 50);
  }

  @Operation(summary = "未读通知数")
  @GetMapping("/api/notifications/unread-count")
  public Map<String, Integer> unreadCount() {
    return Map.of("unread", notifications.unread(me()));
  }

  @Operation(summary = "标为已读", description = "只能标记自己的通知；已读的再标记无变化")
  @PostMapping("/api/notifications/{id}/read")
  public ResponseEntity<Void> read(@PathVariable("id") String id) {
    if (!notifications.markRead(me(), id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条通知");
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "全部标为已读")
  @PostMapping("/api/notifications/read-all")
  public Map<String, Integer> readAll() {
    return Map.of("marked", notifications.markAllRead(me()));
  }

  private String me() {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return userId;
  }
}
