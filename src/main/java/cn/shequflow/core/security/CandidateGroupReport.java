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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
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
 * answers only for READ on every task ({@code Task *}); a street leader may read the tasks of the
 * families he supervises (READ_TASK on their definitions, {@link AccessBootstrap}) but not, say,
 * community correction's, so the page showed a red permission error. For a logged-in user without
 * READ on every task this filter answers the same report (unassigned open tasks per candidate group,
 * {@code null} for tasks without one, ordered by group) over the tasks he may read, with the engine's
 * authorization checks on. Anybody else (an administrator, no login) gets Camunda's own answer.
 */
@Configuration
public class CandidateGroupReport {

  static final Pattern PATH = Pattern.compile("/camunda/api/engine/engine/([^/]+)/task/report/candidate-group-count/?");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> candidateGroupReportRegistration(AuthorizationService authorizations,
      IdentityService identity, TaskService tasks, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(authorizations, identity, tasks, json));
    registration.setName("shequ-candidate-group-report");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final TaskService tasks;
    private final ObjectMapper json;

    Filter(AuthorizationService authorizations, IdentityService identity, TaskService tasks, ObjectMapper json) {
      this.authorizations = authorizations;
      this.identity = identity;
      this.tasks = tasks;
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

    /** Unassigned open tasks the user may read, counted per candidate group (null: none). */
    List<Map<String, Object>> report(UserAuthentication user) {
      Map<String, Integer> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
      identity.setAuthentication(user.getIdentityId(), new ArrayList<>(user.getGroupIds()),
          user.getTenantIds() == null ? List.of() : new ArrayList<>(user.getTenantIds()));
      try {
        for (Task task : tasks.createTaskQuery().taskUnassigned().list()) {
          List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
              .map(IdentityLink::getGroupId).filter(g -> g != null).distinct().toList();
          if (groups.isEmpty()) {
            counts.merge(null, 1, Integer::sum);
          }
          groups.forEach(g -> counts.merge(g, 1, Integer::sum));
        }
      } finally {
        identity.clearAuthentication();
      }
      List<Map<String, Object>> report = new ArrayList<>();
      counts.forEach((group, count) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("groupName", group);
        row.put("taskCount", count);
        report.add(row);
      });
      return report;
    }
  }
}
