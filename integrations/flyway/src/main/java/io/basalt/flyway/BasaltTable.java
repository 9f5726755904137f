package io.basalt.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A table in {@link BasaltSchema}. Only Flyway's schema history table is ever locked: Flyway
 * locks it around each migration and again for each history row it adds.
 */
final class BasaltTable extends Table<BasaltDatabase, BasaltSchema> {
    private final HistoryTableLock lock;

    BasaltTable(JdbcTemplate jdbcTemplate, BasaltDatabase database, BasaltSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
        this.lock = new HistoryTableLock(jdbcTemplate, database.quote(name));
    }

    /** DDL takes unqualified names; every user table is in PUBLIC. */
    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE IF EXISTS " + database.quote(name) + " CASCADE");
    }

    @Override
    protected boolean doExists() throws SQLException {
        return jdbcTemplate.queryForInt("SELECT COUNT(*) FROM BASALT_CATALOG.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema.getName(), name) > 0;
    }

    /** Nested locks (lockDepth > 0) only show the lock is still in use, which keeps it from expiring. */
    @Override
    protected void doLock() throws SQLException {
        if (lockDepth == 0) {
            lock.acquire();
        } else {
            lock.refresh();
        }
    }

    @Override
    protected void doUnlock() throws SQLException {
        if (lockDepth == 1) {
            lock.release();
        }
    }
}
