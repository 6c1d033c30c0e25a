package cn.shequflow.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The app as in production as far as the database is concerned: the job executor and metrics on
 * (the tests run with both off), history full, authorization on, every statement counted by
 * {@link SqlCounter} ({@link BenchConfiguration}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.metrics.enabled=true",
    "logging.level.root=warn"})
@Import(BenchConfiguration.class)
@interface ProductionLikeApp {}
