package cn.shequflow.notices;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads the queue of notice copies every {@code shequ.notices.delivery.interval}. Off in tests
 * ({@code shequ.notices.delivery.scheduler: false}), which call {@link NoticeDeliveries#deliverDue()}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "shequ.notices.delivery.scheduler", havingValue = "true", matchIfMissing = true)
public class NoticeDeliverySchedule {

  private final NoticeDeliveries deliveries;

  public NoticeDeliverySchedule(NoticeDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Scheduled(fixedDelayString = "${shequ.notices.delivery.interval:60s}", initialDelayString = "${shequ.notices.delivery.interval:60s}")
  public void deliver() {
    deliveries.deliverDue();
  }
}
