package db.migration;

import cn.shequflow.core.privacy.LegacyIdentityNumbers;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15: a database written before the one masking policy still holds whole identity numbers in the
 * engine's variables and history; they are masked once, here ({@link LegacyIdentityNumbers}). The
 * engine creates and updates its own tables independently of Flyway (at start-up today the engine's
 * schema is in place first, on H2 and MariaDB alike); nothing here depends on that order, since a table
 * that does not exist yet belongs to a new database with nothing to mask.
 */
public class V25__mask_identity_numbers_in_engine extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V25__mask_identity_numbers_in_engine.class);

  /** Outside one transaction: {@link LegacyIdentityNumbers#maskAll} commits page by page (idempotent, so safe to rerun). */
  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Map<String, Integer> changed = LegacyIdentityNumbers.maskAll(context.getConnection());
    if (!changed.isEmpty()) {
      LOG.warn("Whole identity numbers masked in the engine's tables (rows by table): {}", changed);
    }
  }
}
