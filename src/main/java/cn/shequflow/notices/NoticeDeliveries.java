package cn.shequflow.notices;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Notifications.Notice;
import cn.shequflow.core.process.Texts;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of the delivery channels. Each in-app notice is queued once per enabled channel in the
 * transaction that sends it (so a refused or rolled-back step sends nothing), and {@link #deliverDue()}
 * sends what is due after it has committed. A copy is claimed by one node (a conditional update) before
 * it is sent; a failed attempt is tried again after 1, 5, 15, 60 and 240 minutes, and after
 * {@code shequ.notices.delivery.max-attempts} it is FAILED, listed for the administrator. The in-app
 * notice is never touched here.
 */
@Component
public class NoticeDeliveries {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  private static final Logger LOG = LoggerFactory.getLogger(NoticeDeliveries.class);
  private static final int[] RETRY_MINUTES = {1, 5, 15, 60, 240};
  /** How long a claimed copy is left to the node sending it before another may try. */
  private static final int LEASE_MINUTES = 5;
  private static final int BATCH = 50;

  /** A queued copy with its notice. */
  public record Delivery(String id, String notificationId, String channel, String target, String status, int attempts,
      LocalDateTime nextAttemptAt, String lastError, LocalDateTime sentAt, String recipientId, String businessKey,
      String message, LocalDateTime createdAt) {

    Notice notice() {
      return new Notice(notificationId, recipientId, businessKey, message, createdAt, null);
    }
  }

  @Mapper
  public interface DeliveryMapper {
    String COLUMNS = "d.id, d.notification_id, d.channel, d.target, d.status, d.attempts, d.next_attempt_at, "
        + "d.last_error, d.sent_at, n.recipient_id, n.business_key, n.message, n.created_at "
        + "from notice_delivery d join notification n on n.id = d.notification_id ";

    @Insert("insert into notice_delivery (id, notification_id, channel, target, status, attempts, next_attempt_at) "
        + "values (#{id}, #{notificationId}, #{channel}, #{target}, 'PENDING', 0, #{at})")
    void queue(@Param("id") String id, @Param("notificationId") String notificationId, @Param("channel") String channel,
        @Param("target") String target, @Param("at") LocalDateTime at);

    @Select("select " + COLUMNS + "where d.status = 'PENDING' and d.next_attempt_at <= #{now} "
        + "order by d.next_attempt_at, d.id limit #{limit}")
    List<Delivery> due(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @Update("update notice_delivery set attempts = attempts + 1, next_attempt_at = #{leaseUntil} "
        + "where id = #{id} and status = 'PENDING' and next_attempt_at <= #{now}")
    int claim(@Param("id") String id, @Param("now") LocalDateTime now, @Param("leaseUntil") LocalDateTime leaseUntil);

    @Update("update notice_delivery set status = 'SENT', sent_at = #{at}, last_error = null where id = #{id}")
    void sent(@Param("id") String id, @Param("at") LocalDateTime at);

    @Update("update notice_delivery set status = #{status}, next_attempt_at = #{next}, last_error = #{error} "
        + "where id = #{id}")
    void failed(@Param("id") String id, @Param("status") String status, @Param("next") LocalDateTime next,
        @Param("error") String error);

    @Select("select " + COLUMNS + "where d.status = #{status} order by d.next_attempt_at desc, d.id limit #{limit}")
    List<Delivery> withStatus(@Param("status") String status, @Param("limit") int limit);

    @Select("select " + COLUMNS + "where d.notification_id = #{notificationId} order by d.channel")
    List<Delivery> ofNotice(String notificationId);
  }

  private final DeliveryMapper mapper;
  private final List<NoticeChannel> channels;
  private final NoticeChannelSettings settings;
  private final TransactionTemplate tx;

  public NoticeDeliveries(DeliveryMapper mapper, List<NoticeChannel> channels, NoticeChannelSettings settings,
      TransactionTemplate tx) {
    this.mapper = mapper;
    this.channels = channels;
    this.settings = settings;
    this.tx = tx;
  }

  /** Queues the copies of a notice just sent, in the sender's transaction. */
  @EventListener
  public void queue(Notice notice) {
    for (NoticeChannel channel : channels) {
      if (channel.enabled()) {
        channel.target(notice).ifPresent(target ->
            mapper.queue(UUID.randomUUID().toString(), notice.id(), channel.name(), target, Clock.now()));
      }
    }
  }

  /** Sends every copy that is due; returns how many were sent. */
  public int deliverDue() {
    int sent = 0;
    LocalDateTime now = Clock.now();
    for (Delivery d : mapper.due(now, BATCH)) {
      Boolean mine = tx.execute(s -> mapper.claim(d.id(), now, now.plusMinutes(LEASE_MINUTES)) == 1);
      if (!Boolean.TRUE.equals(mine)) {
        continue; // another node has it
      }
      NoticeChannel channel = channels.stream().filter(c -> c.name().equals(d.channel())).findFirst().orElse(null);
      try {
        if (channel == null || !channel.enabled()) {
          throw new IllegalStateException("channel " + d.channel() + " is no longer enabled");
        }
        channel.deliver(d.notice(), d.target());
        tx.executeWithoutResult(s -> mapper.sent(d.id(), Clock.now()));
        sent++;
      } catch (Exception e) {
        int attempts = d.attempts() + 1;
        boolean last = attempts >= settings.getDelivery().getMaxAttempts();
        LocalDateTime next = Clock.now().plusMinutes(RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1]);
        String error = Texts.fit(e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
        tx.executeWithoutResult(s -> mapper.failed(d.id(), last ? FAILED : PENDING, next, error));
        LOG.warn("Notice copy {} by {} failed (attempt {}{}): {}", d.id(), d.channel(), attempts,
            last ? ", given up" : "", error);
      }
    }
    return sent;
  }

  public List<Delivery> withStatus(String status, int limit) {
    return mapper.withStatus(status, limit);
  }

  public List<Delivery> ofNotice(String notificationId) {
    return mapper.ofNotice(notificationId);
  }
}
