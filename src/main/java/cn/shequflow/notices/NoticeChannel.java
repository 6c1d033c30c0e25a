package cn.shequflow.notices;

import cn.shequflow.core.process.Notifications.Notice;
import java.util.Optional;

/** A way a copy of an in-app notice reaches its recipient outside the product. */
public interface NoticeChannel {

  /** The name stored with each queued copy, e.g. {@code EMAIL}. */
  String name();

  boolean enabled();

  /** Where this notice goes on this channel (an address), or empty when the recipient has none. */
  Optional<String> target(Notice notice);

  /** Sends one copy; any exception is a failed attempt, tried again later. */
  void deliver(Notice notice, String target) throws Exception;
}
