package cn.shequflow.core.export;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Accept: } {@value Workbooks#XLSX_VALUE} on a GET of {@code /api} is the same request as
 * {@code ?format=xlsx}: the list routes map their Excel answer to the parameter
 * ({@code params = "format=xlsx"}), so one mapping serves both ways of asking. A request that also
 * accepts JSON is left alone.
 */
@Component
public class FormatParameter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || accept == null || !accept.contains(Workbooks.XLSX_VALUE) || accept.contains("json")
        || request.getParameter("format") != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    parameters.put("format", new String[] {"xlsx"});
    Map<String, String[]> view = Collections.unmodifiableMap(parameters);
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getParameter(String name) {
        String[] values = view.get(name);
        return values == null || values.length == 0 ? null : values[0];
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return view;
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(view.keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return view.get(name);
      }
    }, response);
  }
}
