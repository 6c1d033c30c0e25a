package cn.shequflow.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Facts read once per database transaction: a request's guards and its command run in one
 * transaction but in separate engine commands, and each command would otherwise read the same fact
 * again. The memo lives as long as the transaction (it is set aside while a nested transaction
 * runs, and dropped when it completes, before any after-completion work); without a transaction
 * every call reads afresh.
 */
public final class TransactionMemo {

  private final String name;

  public TransactionMemo(String name) {
    this.name = name;
  }

  /** The value for {@code key} in the current transaction, read by {@code read} the first time. */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> read) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return read.get();
    }
    Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
    if (memo == null) {
      memo = bind();
    }
    if (memo.containsKey(key)) {
      return (T) memo.get(key);
    }
    T value = read.get();
    memo.put(key, value);
    return value;
  }

  /** Forgets what the current transaction read (after a write that may change it). */
  public void forget() {
    if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> memo) {
      memo.clear();
    }
  }

  private Map<Object, Object> bind() {
    Map<Object, Object> memo = new HashMap<>();
    TransactionSynchronizationManager.bindResource(this, memo);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
      }

      @Override
      public void resume() {
        TransactionSynchronizationManager.bindResource(TransactionMemo.this, memo);
      }

      @Override
      public void beforeCompletion() {
        // After every beforeCommit write: work another callback starts in a new transaction of its
        // own once this one completed (the audit log's failure entries) must not see this memo.
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
      }
    });
    return memo;
  }

  @Override
  public String toString() {
    return "TransactionMemo[" + name + "]";
  }
}
