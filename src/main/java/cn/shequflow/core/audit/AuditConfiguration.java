package cn.shequflow.core.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit's settings and its daily work ({@link AuditRetention#daily}). */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(AuditSettings.class)
public class AuditConfiguration {}
