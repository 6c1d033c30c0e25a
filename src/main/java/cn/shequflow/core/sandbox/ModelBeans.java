package cn.shequflow.core.sandbox;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The Spring beans an expression in a deployed model may reach (issue 17): exactly those the
 * shipped models in {@code processes/} call. Every other bean (the database, the engine, the
 * mappers) is invisible to expressions: the engine resolves names through {@link #map}, given to
 * it as {@code ProcessEngineConfiguration#setBeans}. {@code ModelBeansTest} checks that the list
 * and the shipped models agree; a new bean a model needs is added here, in review.
 */
public final class ModelBeans {

  /** Bean names the shipped models use, alphabetically. */
  public static final SortedSet<String> ALLOWED = Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(
      "approvalChain", "approvalTask", "approveCorrectionTravel", "approveExpenseRequest", "approveLeaveRequest",
      "approveResidenceChange", "bookExpenseVoucher", "cases", "checkRelatedExpenses", "consentPropertyLoan",
      "correctionFacts", "deadlines", "duties", "expenseFacts", "fixApprovalChain", "incidentFacts", "incidents",
      "leaveFacts", "markPropertyLoanOverdue", "markReportBackLate", "markResidenceOverdue", "markTravelReportMissed",
      "monthlyReports", "notifyCommunityPolice", "openCase", "openMonthlyReport", "organisation",
      "recordCorrectionFollowUp", "recordDisclosurePosted", "recordDisclosureTakenDown", "recordExpenseVote",
      "recordHandOver", "recordLeaveFollowUp", "recordLeaveReturn", "recordMonthlyReport",
      "recordPropertyLoanFollowUp", "recordPropertyLoanReturn", "recordReceivingOpinion", "recordReportIn",
      "recordResidentMove", "recordTravelReturn", "registerCorrectionTravel", "registerExpense",
      "registerLeaveRequest", "registerPropertyLoan", "registerResidenceChange", "registerResidentMove",
      "rejectCorrectionRequest", "rejectExpense", "rejectLeaveRequest", "rejectPropertyLoan", "rejectResidentMove",
      "residentMoveFacts", "resubmitChoice", "scheduleMonthlyReports", "startMonthlyReport", "verifyTravelProofs")));

  /**
   * Names the engine itself gives an expression: the execution, the task and the like. A model may
   * hand them to an allowed bean ({@code cases.of(execution)}), never call or read anything on them.
   */
  public static final Set<String> ENGINE_OBJECTS = Set.of(
      "execution", "task", "externalTask", "caseExecution", "variableScope");

  private final ApplicationContext context;
  private final Map<Object, Boolean> resolved = Collections.synchronizedMap(new IdentityHashMap<>());

  public ModelBeans(ApplicationContext context) {
    this.context = context;
  }

  public boolean allowed(String name) {
    return ALLOWED.contains(name);
  }

  /** Whether {@code name} is a bean of the application that models may not reach. */
  public boolean forbiddenBean(String name) {
    return !allowed(name) && context.containsBean(name);
  }

  /** Whether {@code object} is one of the allowed beans (as resolved for an expression). */
  boolean isAllowedInstance(Object object) {
    return resolved.containsKey(object);
  }

  /**
   * The beans for the expression manager: the allowed names only, each looked up when an
   * expression first needs it (the engine is built before most of these beans exist).
   */
  public Map<Object, Object> map() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && allowed(name) && context.containsBean(name);
      }

      @Override
      public Object get(Object key) {
        if (!containsKey(key)) {
          return null;
        }
        Object bean = context.getBean((String) key);
        resolved.put(bean, Boolean.TRUE);
        return bean;
      }

      @Override
      public Set<Object> keySet() {
        return ALLOWED.stream().filter(context::containsBean).collect(Collectors.toCollection(LinkedHashSet::new));
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return ALLOWED.stream().filter(context::containsBean)
            .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, get(name)))
            .collect(Collectors.toCollection(LinkedHashSet::new));
      }
    };
  }
}
