package cn.shequflow.core.privacy;

import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/privacy/reveals?page=&size=}: the record of whole identity numbers shown, newest
 * first, for administrators (members of {@code camunda-admin}); 403 for anyone else.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "个人信息保护")
@RestController
@RequestMapping("/api/privacy")
public class RevealController {

  public record Page(int page, int size, long total, List<RevealLog.Reveal> items) {}

  private final RevealLog log;
  private final CurrentUser currentUser;
  private final IdentityService identity;

  public RevealController(RevealLog log, CurrentUser currentUser, IdentityService identity) {
    this.log = log;
    this.currentUser = currentUser;
    this.identity = identity;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "完整身份证号查看记录（仅系统管理员）")
  @GetMapping("/reveals")
  public Page reveals(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以查看完整身份证号的查看记录");
    }
    Paging paging = new Paging(page, size);
    return new Page(page, size, log.count(), log.page(size, paging.offset()));
  }
}
