package cn.shequflow.notices;

import cn.shequflow.core.inbox.ProductRights;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Notifications.Notice;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The notice by e-mail (SMTP, {@code spring.mail.*}) to the address in the recipient's account
 * (Camunda Admin → 用户 → 邮箱). People without an address get the in-app notice only.
 */
@Component
public class EmailChannel implements NoticeChannel {

  public static final String NAME = "EMAIL";

  private final NoticeChannelSettings settings;
  private final IdentityService identity;
  private final Organisation organisation;
  private final JavaMailSender mail;
  private final ProductRights product;

  public EmailChannel(NoticeChannelSettings settings, IdentityService identity, Organisation organisation,
      ObjectProvider<JavaMailSender> mail, ProductRights product) {
    this.settings = settings;
    this.product = product;
    this.identity = identity;
    this.organisation = organisation;
    this.mail = mail.getIfAvailable();
    if (settings.getEmail().isEnabled() && (this.mail == null || settings.getEmail().getFrom().isEmpty())) {
      throw new IllegalStateException("shequ.notices.email.enabled is true: set spring.mail.host (the SMTP server) "
          + "and shequ.notices.email.from (the sender address)");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean enabled() {
    return settings.getEmail().isEnabled();
  }

  @Override
  public Optional<String> target(Notice notice) {
    // The sender may not read the recipient's account (authorization): the product looks it up.
    User user = product.run(() -> identity.createUserQuery().userId(notice.recipientId()).singleResult());
    String address = user == null ? null : user.getEmail();
    return address == null || address.isBlank() || !address.contains("@") ? Optional.empty()
        : Optional.of(address.strip());
  }

  @Override
  public void deliver(Notice notice, String target) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.getEmail().getFrom());
    message.setTo(target);
    message.setSubject("【社区流程】" + (notice.businessKey() == null ? "新通知" : "事项 " + notice.businessKey() + " 的通知"));
    String link = settings.getTasklistUrl().isEmpty() ? "请登录社区流程查看。" : "请登录社区流程查看：" + settings.getTasklistUrl();
    message.setText(organisation.displayName(notice.recipientId()) + "，您好：\n\n" + notice.message() + "\n\n" + link
        + "\n\n（本邮件由系统发出，请勿回复。）");
    mail.send(message);
  }
}
