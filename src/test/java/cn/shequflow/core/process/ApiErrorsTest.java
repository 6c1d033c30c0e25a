package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.security.EngineRestErrors;
import java.sql.SQLTransactionRollbackException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;

/**
 * Concurrent approval operations on one case lose deadlocks and lock waits on MariaDB/MySQL (seen in
 * CI on the race tests of ApprovalOperationsAttackTest): the loser is told to look again (409), never a 500.
 */
class ApiErrorsTest {

  private final ApiErrors errors = new ApiErrors();

  @Test
  void aLostDeadlockOrLockWaitIs409() {
    var deadlock = errors.locked(new DeadlockLoserDataAccessException("Deadlock found when trying to get lock",
        new SQLTransactionRollbackException("Deadlock found", "40001", 1213)));
    assertThat(deadlock.getStatusCode().value()).isEqualTo(409);
    assertThat(deadlock.getBody()).containsEntry("message", EngineRestErrors.CONCURRENT);
    assertThat(errors.locked(new CannotAcquireLockException("Lock wait timeout exceeded")).getStatusCode().value())
        .isEqualTo(409);
  }

  @Test
  void theEnginesDeadlockCodeIs409AndOtherEngineErrorsStayErrors() throws Exception {
    ProcessEngineException deadlock = new ProcessEngineException("deadlock", BuiltinExceptionCode.DEADLOCK.getCode());
    assertThat(errors.engine(deadlock).getStatusCode().value()).isEqualTo(409);
    ProcessEngineException other = new ProcessEngineException("something else");
    assertThatThrownBy(() -> errors.engine(other)).isSameAs(other);
  }
}
