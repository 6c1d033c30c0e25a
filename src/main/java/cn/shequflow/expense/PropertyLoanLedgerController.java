package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of property loans (集体财物外借台账) over HTTP:
 * {@code GET /api/property-loans/ledger?communityId=&status=&page=&size=} lists every loan with its
 * approvals and its return, newest first. Who sees which communities is the platform's
 * {@link CommunityScope}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/property-loans")
public class PropertyLoanLedgerController {

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

  @io.swagger.v3.oas.annotations.Operation(summary = "集体财物外借台账")
  @GetMapping("/ledger")
  public Page ledger(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    CaseFamily family = families.byKey(PropertyLoanFamily.KEY);
    family.requireStatus("status", status);
    Paging paging = new Paging(page, size);
    CommunityScope.Listing listing = scope.forLedger(currentUser.id(), family, communityId, mine);
    long total = register.count(listing.communities(), listing.applicantId(), status);
    List<Item> items = register.page(listing.communities(), listing.applicantId(), status, size, paging.offset()).stream()
        .map(l -> new Item(l, family.statusLabel(l.status()),
            l.returnCondition() == null ? null : PropertyLoanCondition.of(l.returnCondition()).label(),
            chain.chain(l.businessKey())))
        .toList();
    return new Page(page, size, total, items);
  }
}
