package cn.shequflow.bench;

import jakarta.servlet.Filter;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The benchmark's view of the database: the app's DataSource wrapped in datasource-proxy with a
 * {@link SqlCounter}, and a filter in front of everything that names the REST call a thread serves
 * (the benchmark client's {@code X-Bench-Call} header). Test code only: the product carries neither.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchConfiguration {

  public static final String CALL_HEADER = "X-Bench-Call";

  @Bean
  public static SqlCounter sqlCounter() {
    return new SqlCounter();
  }

  @Bean
  public static BeanPostProcessor countingDataSource(SqlCounter counter) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(ds).name("bench").listener(counter).methodListener(counter).build();
        }
        return bean;
      }
    };
  }

  @Bean
  public FilterRegistrationBean<Filter> benchCallFilter() {
    Filter filter = (request, response, chain) -> {
      String call = ((jakarta.servlet.http.HttpServletRequest) request).getHeader(CALL_HEADER);
      SqlCounter.CALL.set(call == null ? "unnamed request" : call);
      try {
        chain.doFilter(request, response);
      } finally {
        SqlCounter.CALL.remove();
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("bench-call");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
