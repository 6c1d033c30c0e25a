package cn.shequflow.notices;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shequ.notices.*}: the channels that carry a copy of each in-app notice, configured per
 * deployment and off by default (application.yaml documents each setting).
 */
@ConfigurationProperties("shequ.notices")
public class NoticeChannelSettings {

  private final Email email = new Email();
  private final Webhook webhook = new Webhook();
  private final Delivery delivery = new Delivery();
  /** The Tasklist address quoted in e-mails, e.g. https://flow.example.gov.cn/camunda/app/tasklist/; optional. */
  private String tasklistUrl = "";

  public Email getEmail() {
    return email;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public Delivery getDelivery() {
    return delivery;
  }

  public String getTasklistUrl() {
    return tasklistUrl;
  }

  public void setTasklistUrl(String tasklistUrl) {
    this.tasklistUrl = tasklistUrl == null ? "" : tasklistUrl.strip();
  }

  /** E-mail through SMTP (spring.mail.*) to the address in each person's account. */
  public static class Email {
    private boolean enabled;
    private String from = "";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from == null ? "" : from.strip();
    }
  }

  /** The office's work group in WeCom (企业微信) or DingTalk (钉钉), through its group robot. */
  public static class Webhook {
    public enum Kind { WECOM, DINGTALK }

    private boolean enabled;
    private Kind kind = Kind.WECOM;
    private String url = "";
    /** DingTalk's 加签 secret (SEC…), when the robot is set up with one. */
    private String secret = "";
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Kind getKind() {
      return kind;
    }

    public void setKind(Kind kind) {
      this.kind = kind;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url == null ? "" : url.strip();
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret == null ? "" : secret.strip();
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** How queued copies are sent: how often the queue is read, how often a copy is tried. */
  public static class Delivery {
    private boolean scheduler = true;
    private Duration interval = Duration.ofSeconds(60);
    private int maxAttempts = 6;

    public boolean isScheduler() {
      return scheduler;
    }

    public void setScheduler(boolean scheduler) {
      this.scheduler = scheduler;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }
  }
}
