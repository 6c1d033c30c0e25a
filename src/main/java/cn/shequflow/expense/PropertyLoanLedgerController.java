package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The register of property loans (集体财物外借台账) over HTTP:
 * {@code GET /api/property-loans/ledger?communityId=&status=&page=&size=} lists every loan with its
 * approvals and its return, newest first. Who sees which communities is the platform's
 * {@link CommunityScope}.
 */
@RestController
@RequestMapping("/api/property-loans")
public class PropertyLoanLedgerController {

  static final int MAX_PAGE = 10_000;

  public record Item(PropertyLoanEntry loan, String statusLabel, String conditionLabel, List<ApprovalStep> decisions) {}

  public record Page(int page, int size, long total, List<Item> items) {}

  private final PropertyLoanRegister register;
  private final ApprovalChain chain;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;

  public PropertyLoanLedgerController(PropertyLoanRegister register, ApprovalChain chain, CommunityScope scope,
      CaseFamilies families, CurrentUser currentUser) {
    this.register = register;
    this.chain = chain;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
  }

  @GetMapping("/ledger")
  public Page ledger(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    CaseFamily family = families.byKey(PropertyLoanFamily.KEY);
    if (status != null && !family.statuses().containsKey(status)) {
      throw new InvalidInputException("status", "状态取值无效：" + status + "，可选值为 "
          + String.join(" | ", family.statuses().keySet()));
    }
    if (page < 1 || page > MAX_PAGE) {
      throw new InvalidInputException("page", "页码应在 1 到 " + MAX_PAGE + " 之间");
    }
    if (size < 1 || size > 100) {
      throw new InvalidInputException("size", "每页条数应在 1 到 100 之间");
    }
    CommunityScope.Scope visible = scope.of(userId, family);
    if (visible.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有居委会主任、蹲点领导和街道领导、社会事务办可以查看集体财物外借台账");
    }
    List<String> communities = visible.narrow(communityId);
    long total = register.count(communities, status);
    List<Item> items = register.page(communities, status, size, (long) (page - 1) * size).stream()
        .map(l -> new Item(l, family.statusLabel(l.status()),
            l.returnCondition() == null ? null : PropertyLoanCondition.of(l.returnCondition()).label(),
            chain.chain(l.businessKey())))
        .toList();
    return new Page(page, size, total, items);
  }
}
