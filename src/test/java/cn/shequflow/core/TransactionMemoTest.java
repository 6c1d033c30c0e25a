package cn.shequflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionMemoTest {

  final TransactionMemo memo = new TransactionMemo("test");
  final AtomicInteger reads = new AtomicInteger();

  String read() {
    return "value " + reads.incrementAndGet();
  }

  @AfterEach
  void clear() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
    TransactionSynchronizationManager.unbindResourceIfPossible(memo);
  }

  @Test
  @DisplayName("Without a transaction every call reads afresh")
  void noTransaction() {
    assertThat(memo.get("k", this::read)).isEqualTo("value 1");
    assertThat(memo.get("k", this::read)).isEqualTo("value 2");
  }

  @Test
  @DisplayName("In a transaction a key is read once, until forgotten; a nested transaction reads its own; the end drops it")
  void oncePerTransaction() {
    TransactionSynchronizationManager.initSynchronization();
    assertThat(memo.get("k", this::read)).isEqualTo("value 1");
    assertThat(memo.get("k", this::read)).isEqualTo("value 1");
    assertThat(memo.get("other", this::read)).isEqualTo("value 2");
    memo.forget();
    assertThat(memo.get("k", this::read)).isEqualTo("value 3");

    // A nested transaction (REQUIRES_NEW) suspends the outer one's synchronizations.
    var suspended = TransactionSynchronizationManager.getSynchronizations();
    suspended.forEach(TransactionSynchronization::suspend);
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();
    assertThat(memo.get("k", this::read)).isEqualTo("value 4");
    TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();
    suspended.forEach(TransactionSynchronization::resume);
    suspended.forEach(TransactionSynchronizationManager::registerSynchronization);
    assertThat(memo.get("k", this::read)).as("the outer transaction's value again").isEqualTo("value 3");

    TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    TransactionSynchronizationManager.clearSynchronization();
    assertThat(TransactionSynchronizationManager.getResource(memo)).isNull();
    assertThat(memo.get("k", this::read)).isEqualTo("value 5");
  }
}
