package cn.shequflow.core.process;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.errorcode.ExceptionCodeProvider;

/**
 * The engine's built-in error codes, with one addition: a command that waited too long for a row
 * another transaction held (a lock-wait timeout) lost a concurrent change exactly as a deadlock
 * victim did, so it gets the deadlock code too. The engine knows deadlocks only; without this, a
 * 完成 racing a 转办 on a slow machine is a 500 instead of the 409 "事项刚被他人处理，请刷新后重试"
 * that {@code EngineRestErrors} and {@code ApiErrors} give for that code. The same holds for two
 * commands that create the same engine authorization at once (a 完成 claiming the task racing a
 * 委派 that claims it first: both grant its assignee the task; the unique index
 * {@code ACT_UNIQ_AUTH_USER}/{@code ACT_UNIQ_AUTH_GROUP} lets one win). The transaction is rolled
 * back either way, so nothing was written.
 */
public class LostLockCodes implements ExceptionCodeProvider {

  /** SQL states of a lost lock: serialization failure, PostgreSQL's deadlock and lock_not_available, H2's lock timeout. */
  private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "HYT00");

  /** Vendor codes of a lock-wait timeout: MySQL/MariaDB, H2. */
  private static final Set<Integer> LOCK_WAIT_CODES = Set.of(1205, 50200);

  @Override
  public Integer provideCode(SQLException e) {
    Integer builtin = ExceptionCodeProvider.super.provideCode(e);
    if (builtin != null) {
      return builtin;
    }
    return lostLock(e) ? BuiltinExceptionCode.DEADLOCK.getCode() : null;
  }

  static boolean lostLock(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s instanceof SQLTransactionRollbackException || LOCK_WAIT_CODES.contains(s.getErrorCode())
          || (s.getSQLState() != null && STATES.contains(s.getSQLState().toUpperCase()))) {
        return true;
      }
      if (s.getSQLState() != null && s.getSQLState().startsWith("23") && s.getMessage() != null
          && s.getMessage().toUpperCase().contains("ACT_UNIQ_AUTH_")) {
        return true; // the same authorization granted by two commands at once
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }
}
