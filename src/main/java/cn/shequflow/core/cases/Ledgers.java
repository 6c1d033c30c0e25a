package cn.shequflow.core.cases;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.process.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the ledgers of the case families (leave, expenses, property loans) share: the family, who
 * sees which rows ({@link CommunityScope#forLedger} for the logged-in user) and each row's approval
 * chain. One bean, so that each ledger controller holds only its own register.
 */
@Component
public class Ledgers {

  private final ApprovalChain chain;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;

  public Ledgers(ApprovalChain chain, CommunityScope scope, CaseFamilies families, CurrentUser currentUser) {
    this.chain = chain;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
  }

  public CaseFamily family(String key) {
    return families.byKey(key);
  }

  /** The rows the logged-in user's ledger of {@code family} lists for these filters (401/403 as {@link CommunityScope}). */
  public CommunityScope.Listing listing(CaseFamily family, String communityId, boolean mine) {
    return scope.forLedger(currentUser.id(), family, communityId, mine);
  }

  /** The approval chains of a page's rows, as the ledger shows them: business key → its chain. */
  public java.util.Map<String, List<ApprovalStep>> decisions(List<String> businessKeys) {
    return chain.chains(businessKeys);
  }
}
