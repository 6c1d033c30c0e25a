package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A lock-wait timeout has the engine's deadlock code, so that every API answers it 409, not 500. */
class LostLockCodesTest {

  private final LostLockCodes codes = new LostLockCodes();
  private static final int DEADLOCK = BuiltinExceptionCode.DEADLOCK.getCode();

  @Test
  @DisplayName("H2's own lock timeout (one transaction waits for a row another holds) is a lost lock")
  void h2LockTimeout() throws Exception {
    String url = "jdbc:h2:mem:lost-lock;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=100";
    try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
      a.createStatement().execute("create table t (id int primary key, v int)");
      a.createStatement().execute("insert into t values (1, 0)");
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      a.createStatement().executeUpdate("update t set v = 1 where id = 1");
      SQLException timeout = catchThrowableOfType(SQLException.class,
          () -> b.createStatement().executeUpdate("update t set v = 2 where id = 1"));
      assertThat((Object) timeout).isNotNull();
      assertThat(codes.provideCode(timeout)).isEqualTo(DEADLOCK);
    }
  }

  @Test
  @DisplayName("MySQL/MariaDB's lock-wait timeout (1205) and any transaction rollback are lost locks; the engine's deadlock stays one")
  void mysqlCodes() {
    assertThat(codes.provideCode(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isEqualTo(DEADLOCK);
    assertThat(codes.provideCode(new SQLTransactionRollbackException("rolled back", "40001", 1213))).isEqualTo(DEADLOCK);
    assertThat(codes.provideCode(new SQLException("deadlock detected", "40P01", 0))).isEqualTo(DEADLOCK);
  }

  @Test
  @DisplayName("Two commands granting the same engine authorization at once (H2's and MySQL's unique violation on ACT_UNIQ_AUTH_USER) lost a race")
  void sameAuthorizationTwice() throws Exception {
    String url = "jdbc:h2:mem:lost-auth;DB_CLOSE_DELAY=-1";
    try (Connection a = DriverManager.getConnection(url)) {
      a.createStatement().execute("create table ACT_RU_AUTHORIZATION (ID_ varchar(64) primary key, USER_ID_ varchar(64))");
      a.createStatement().execute("create unique index ACT_UNIQ_AUTH_USER on ACT_RU_AUTHORIZATION (USER_ID_)");
      a.createStatement().execute("insert into ACT_RU_AUTHORIZATION values ('1', 'zhang.director')");
      SQLException twice = catchThrowableOfType(SQLException.class,
          () -> a.createStatement().execute("insert into ACT_RU_AUTHORIZATION values ('2', 'zhang.director')"));
      assertThat(codes.provideCode(twice)).isEqualTo(DEADLOCK);
    }
    assertThat(codes.provideCode(new SQLException("Duplicate entry '1-zhang.director-7-t1' for key 'ACT_UNIQ_AUTH_USER'",
        "23000", 1062))).isEqualTo(DEADLOCK);
  }

  @Test
  @DisplayName("Other database errors keep the engine's codes or none: a constraint is no lost lock")
  void otherErrors() {
    assertThat(codes.provideCode(new SQLException("Duplicate entry", "23000", 1062))).isNull();
    assertThat(codes.provideCode(new SQLException("Data too long", "22001", 1406)))
        .isEqualTo(BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL.getCode());
    assertThat(codes.provideCode(new SQLException("syntax", "42000", 1064))).isNull();
  }
}
