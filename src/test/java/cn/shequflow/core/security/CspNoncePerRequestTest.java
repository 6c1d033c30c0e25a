package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.filter.headersec.HttpHeaderSecurityFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

/**
 * The Content-Security-Policy nonce of a webapp page is the one its script tags carry, also when
 * other requests run at the same time (a mismatch blocks every script: Tasklist hangs on its splash).
 */
class CspNoncePerRequestTest extends RestTestSupport {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

  /**
   * Camunda's own filters, with the interleaving that broke pages: request A gets its header, then
   * request B runs through the header filter, then A's page is written (as ProcessEnginesFilter
   * does: the nonce attribute of request.getServletContext()).
   */
  @Test
  @DisplayName("A request between header and page of another does not change that page's nonce")
  void interleavedRequestsKeepTheirNonce() throws Exception {
    assertThat(pageNonceWhileAnotherRequestRuns(true)).as("with our filter").isTrue();
    // Without it the page gets the other request's nonce: the test can fail, and shows the cause.
    assertThat(pageNonceWhileAnotherRequestRuns(false)).as("Camunda alone").isFalse();
  }

  private boolean pageNonceWhileAnotherRequestRuns(boolean withOurFilter) throws Exception {
    MockServletContext shared = new MockServletContext();
    HttpHeaderSecurityFilter headers = new HttpHeaderSecurityFilter();
    headers.init(new MockFilterConfig(shared));
    Filter ours = new CspNoncePerRequest.NonceFilter();

    MockHttpServletResponse other = new MockHttpServletResponse();
    String[] pageNonce = new String[1];
    Filter enginesFilter = (request, response, chain) -> {
      // Another request (an API call of the page before) passes the header filter now.
      MockHttpServletRequest apiCall = new MockHttpServletRequest(shared, "GET", "/camunda/api/engine/engine/default/filter");
      run(withOurFilter, ours, headers, apiCall, other, (req, res, ch) -> { });
      ServletContext context = request.getServletContext();
      pageNonce[0] = (String) context.getAttribute(CspNoncePerRequest.NONCE);
    };
    MockHttpServletRequest page = new MockHttpServletRequest(shared, "GET", "/camunda/app/tasklist/default/");
    MockHttpServletResponse pageResponse = new MockHttpServletResponse();
    run(withOurFilter, ours, headers, page, pageResponse, enginesFilter);

    String pageHeaderNonce = headerNonce(pageResponse.getHeader("Content-Security-Policy"));
    assertThat(pageHeaderNonce).isNotBlank();
    assertThat(headerNonce(other.getHeader("Content-Security-Policy"))).isNotEqualTo(pageHeaderNonce);
    return pageHeaderNonce.equals(pageNonce[0]);
  }

  private static void run(boolean withOurFilter, Filter ours, Filter headers, MockHttpServletRequest request,
      MockHttpServletResponse response, Filter last) throws java.io.IOException, jakarta.servlet.ServletException {
    FilterChain chain = withOurFilter ? new MockFilterChain(new jakarta.servlet.http.HttpServlet() { }, ours, headers, last)
        : new MockFilterChain(new jakarta.servlet.http.HttpServlet() { }, headers, last);
    chain.doFilter(request, response);
  }

  private static String headerNonce(String csp) {
    Matcher m = HEADER_NONCE.matcher(csp == null ? "" : csp);
    return m.find() ? m.group(1) : null;
  }

  @Test
  @DisplayName("Webapp pages loaded together with API calls: header nonce = nonce of every script tag")
  void realPagesUnderConcurrentRequests() throws Exception {
    RestClient anonymous = RestClient.anonymous(port);
    List<String> pages = List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
        "/camunda/app/admin/default/", "/camunda/app/welcome/default/");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        String path = i % 2 == 0 ? pages.get(i / 2 % pages.size()) : "/camunda/api/engine/engine/default/task/count";
        Callable<HttpResponse<String>> call = () -> anonymous.exchange("GET", path);
        answers.add(pool.submit(call));
      }
      int pagesChecked = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        if (!r.uri().getPath().startsWith("/camunda/app/")) {
          continue;
        }
        assertThat(r.statusCode()).as("%s", r.uri()).isEqualTo(200);
        String header = headerNonce(r.headers().firstValue("Content-Security-Policy").orElse(""));
        Matcher tags = PAGE_NONCE.matcher(r.body());
        int count = 0;
        while (tags.find()) {
          assertThat(tags.group(1)).as("script nonce of %s", r.uri()).isEqualTo(header);
          count++;
        }
        assertThat(count).as("nonced script tags of %s", r.uri()).isGreaterThan(0);
        pagesChecked++;
      }
      assertThat(pagesChecked).isEqualTo(60);
    } finally {
      pool.shutdownNow();
    }
  }
}
