package cn.shequflow.core.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's 人工任务 page for the street leaders (issue 10). Its "按组统计的分配" chart calls
 * {@code GET /camunda/api/engine/engine/{engine}/task/report/candidate-group-count}, which Camunda
 * answers only for READ on every task ({@code Task *}), counting every task of every community and
 * family, so the page showed a street leader a red permission error. For a logged-in user without
 * READ on every task this filter answers the same report (unassigned open tasks per candidate
 * group, {@code null} for tasks without one, ordered by group id, shown by the group's Chinese name)
 * over the open tasks whose history he may read, with the engine's authorization checks on: for a
 * street leader the families he supervises (not community correction for the leader in charge),
 * the same tasks as the page's other chart. Anybody else (an administrator, no login) gets
 * Camunda's own answer.
 */
@Configuration
public class CandidateGroupReport {

  static final Pattern PATH = Pattern.compile("/camunda/api/engine/engine/([^/]+)/task/report/candidate-group-count/?");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> candidateGroupReportRegistration(AuthorizationService authorizations,
      IdentityService identity, HistoryService history, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(authorizations, identity, history, json));
    registration.setName("shequ-candidate-group-report");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final HistoryService history;
    private final ObjectMapper json;

    Filter(AuthorizationService authorizations, IdentityService identity, HistoryService history, ObjectMapper json) {
      this.authorizations = authorizations;
      this.identity = identity;
      this.history = history;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Matcher m = PATH.matcher(path);
      String accept = request.getHeader("Accept");
      if (!"GET".equals(request.getMethod()) || !m.matches() || (accept != null && accept.contains("csv"))) {
        chain.doFilter(request, response);
        return;
      }
      HttpSession session = request.getSession(false);
      Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      Authentication current = all == null ? null : all.getAuthenticationForProcessEngine(m.group(1));
      if (!(current instanceof UserAuthentication user)
          || authorizations.isUserAuthorized(user.getIdentityId(), user.getGroupIds(), Permissions.READ, Resources.TASK, "*")) {
        chain.doFilter(request, response);
        return;
      }
      List<Map<String, Object>> report = report(user);
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), report);
    }

    /**
     * Unassigned open tasks whose history the user may read, counted per candidate group (null:
     * none). History, like the page's other chart (按类型统计的分配, {@code history/task/count}): a
     * street leader reads the history of the families he supervises (READ_HISTORY), while the
     * tasks themselves stay with their candidates (ORG-5).
     */
    List<Map<String, Object>> report(UserAuthentication user) {
      Map<String, Integer> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
      identity.setAuthentication(user.getIdentityId(), new ArrayList<>(user.getGroupIds()),
          user.getTenantIds() == null ? List.of() : new ArrayList<>(user.getTenantIds()));
      try {
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().unfinished().taskUnassigned().list()) {
          Map<String, Integer> links = new HashMap<>();
          for (HistoricIdentityLinkLog log : history.createHistoricIdentityLinkLogQuery()
              .taskId(task.getId()).type(IdentityLinkType.CANDIDATE).list()) {
            if (log.getGroupId() != null) {
              links.merge(log.getGroupId(), "delete".equals(log.getOperationType()) ? -1 : 1, Integer::sum);
            }
          }
          List<String> groups = links.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
          if (groups.isEmpty()) {
            counts.merge(null, 1, Integer::sum);
          }
          groups.forEach(g -> counts.merge(g, 1, Integer::sum));
        }
      } finally {
        identity.clearAuthentication();
      }
      // The chart shows the groups' Chinese names (湓城街道主要领导), not their ids.
      Map<String, String> names = new HashMap<>();
      List<String> ids = counts.keySet().stream().filter(g -> g != null).toList();
      if (!ids.isEmpty()) {
        identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list()
            .forEach(g -> names.put(g.getId(), g.getName() == null ? g.getId() : g.getName()));
      }
      List<Map<String, Object>> report = new ArrayList<>();
      counts.forEach((group, count) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("groupName", group == null ? null : names.getOrDefault(group, group));
        row.put("taskCount", count);
        report.add(row);
      });
      return report;
    }
  }
}
