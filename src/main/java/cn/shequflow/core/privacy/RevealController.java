package cn.shequflow.core.privacy;

import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/privacy/reveals?page=&size=}: the record of whole identity numbers shown, newest
 * first, read from the audit log ({@link RevealLog}), for administrators; 403 for anyone else.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "个人信息保护")
@RestController
@RequestMapping("/api/privacy")
public class RevealController {

  public record Page(int page, int size, long total, List<RevealLog.Reveal> items) {}

  private final RevealLog log;
  private final CurrentUser currentUser;

  public RevealController(RevealLog log, CurrentUser currentUser) {
    this.log = log;
    this.currentUser = currentUser;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "完整身份证号查看记录（仅系统管理员）")
  @GetMapping("/reveals")
  public Page reveals(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
    currentUser.requireAdministrator("只有系统管理员可以查看完整身份证号的查看记录");
    RevealLog.Page reveals = log.page(new Paging(page, size));
    return new Page(page, size, reveals.total(), reveals.items());
  }
}
