package cn.shequflow.support;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.contract.FormInputs;
import cn.shequflow.core.organisation.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A family that exists in tests only (src/test/resources/processes/test): the approval chain's own
 * paths, sequential, parallel, empty and resubmitted, without any family's rules around it.
 */
@Configuration
public class ChainTestFamily {

  public static final String PROCESS_KEY = "approval-chain-test";

  @Bean
  CaseFamily chainTestCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("pending", "审批中");
    statuses.put("approved", "已批准");
    statuses.put("rejected", "已退回");
    statuses.put("withdrawn", "已撤回");
    return new CaseFamily("chain-test", PROCESS_KEY, "TS", "审批链测试",
        Set.of(Role.STAFF, Role.DIRECTOR), Set.of(Role.PRINCIPAL_LEADER), Set.of(Role.DIRECTOR),
        statuses, Set.of("approved", "withdrawn"));
  }

  @Bean
  FormInputs chainTestFormInputs() {
    return new FormInputs(PROCESS_KEY, Map.of(
        "chain-test-start", Set.of("variant"),
        "chain-test-approve", Set.of("approved", "comment"),
        "chain-test-revise", Set.of("variant", "resubmit")));
  }
}
