package cn.shequflow.core.organisation;

import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The number of representatives of each community's residents' representative assembly (EX-7),
 * kept by the administrator (HTTP Basic, member of {@code camunda-admin}):
 * {@code GET /api/organisation/representatives},
 * {@code GET /api/organisation/communities/{communityId}/representatives} and
 * {@code PUT …/representatives} with {@code {"representativesTotal": 60}}. Anyone else: 403; a unit
 * that is not a community: 404; a bad number: 400 naming {@code representativesTotal}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "组织架构")
@RestController
public class RepresentativesController {

  private final Representatives representatives;
  private final CurrentUser currentUser;

  public RepresentativesController(Representatives representatives, CurrentUser currentUser) {
    this.representatives = representatives;
    this.currentUser = currentUser;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "各社区居民代表总数（管理员）")
  @GetMapping("/api/organisation/representatives")
  public List<CommunityAssembly> all() {
    requireAdmin();
    return representatives.all();
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "某社区居民代表总数（管理员）")
  @GetMapping("/api/organisation/communities/{communityId}/representatives")
  public CommunityAssembly get(@PathVariable String communityId) {
    requireAdmin();
    return community(communityId);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "设置某社区居民代表总数（管理员）")
  @PutMapping("/api/organisation/communities/{communityId}/representatives")
  public CommunityAssembly set(@PathVariable String communityId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = cn.shequflow.core.apidocs.RequestBodies.Representatives.class)))
      @RequestBody(required = false) Map<String, Object> body) {
    String userId = requireAdmin();
    community(communityId);
    return representatives.set(communityId, total(body), userId);
  }

  private CommunityAssembly community(String communityId) {
    return representatives.of(communityId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + communityId + " 的社区"));
  }

  private static int total(Map<String, Object> body) {
    Object value = body == null ? null : body.get(Representatives.FIELD);
    if (!(value instanceof Number number)) {
      throw new InvalidInputException(Representatives.FIELD, "请填写居民代表人数（整数）");
    }
    BigDecimal exact = new BigDecimal(number.toString());
    if (exact.stripTrailingZeros().scale() > 0 || exact.compareTo(BigDecimal.valueOf(Representatives.MAX)) > 0
        || exact.signum() <= 0) {
      throw new InvalidInputException(Representatives.FIELD, "居民代表人数须为 1 至 " + Representatives.MAX + " 之间的整数");
    }
    return exact.intValueExact();
  }

  private String requireAdmin() {
    return currentUser.requireAdministrator("居民代表人数属于组织数据，只有管理员可以查看和修改");
  }
}
