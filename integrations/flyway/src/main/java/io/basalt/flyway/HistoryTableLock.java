package io.basalt.flyway;

import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * Mutual exclusion between Flyway processes migrating one Basalt database, held as a row of the
 * schema history table itself.
 *
 * <p>Why a row: Flyway's usual table lock ({@code SELECT ... FOR UPDATE}, or PostgreSQL's advisory
 * locks) lasts as long as a transaction, but on Basalt Flyway works in autocommit
 * ({@link BasaltDatabase}), so such a lock would end with its own statement. A row outlives
 * statements: the lock is the row with installed_rank {@value #LOCK_RANK}, and the primary key
 * lets only one process insert it (23505 for the others, who wait and try again). Flyway reads
 * history rows with installed_rank above -1 only, so the lock row never shows as a migration.
 *
 * <p>A process that dies holding the lock leaves the row behind; a row not refreshed for
 * {@value #EXPIRY_MINUTES} minutes is taken as abandoned and deleted by the next process that
 * wants the lock. Flyway refreshes it (through a nested lock) each time it records a migration, so
 * one migration that runs longer than that could lose the lock to a second process. Flyway's own
 * insert-row lock refreshes from a background thread instead; we do not, because a Basalt
 * connection is used by one thread at a time.
 */
final class HistoryTableLock {
    private static final int LOCK_RANK = -100;
    private static final int EXPIRY_MINUTES = 10;
    /** How long to wait before trying again; migrations take seconds, so polling once a second is enough. */
    private static final long RETRY_MILLIS = 1000;

    private final JdbcTemplate jdbcTemplate;
    private final String table;
    /** Tells this holder's row from another process's, in the version column. */
    private final String holder = UUID.randomUUID().toString().substring(0, 32);

    HistoryTableLock(JdbcTemplate jdbcTemplate, String quotedTable) {
        this.jdbcTemplate = jdbcTemplate;
        this.table = quotedTable;
    }

    void acquire() throws SQLException {
        while (true) {
            jdbcTemplate.execute("DELETE FROM " + table + " WHERE \"installed_rank\" = " + LOCK_RANK
                    + " AND \"installed_on\" < LOCALTIMESTAMP - INTERVAL '" + EXPIRY_MINUTES + "' MINUTE");
            try {
                jdbcTemplate.execute("INSERT INTO " + table + " (\"installed_rank\", \"version\", \"description\","
                        + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                        + " VALUES (" + LOCK_RANK + ", ?, 'flyway-lock', '', '', 0, '', 0, TRUE)", holder);
                return;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
            pause();
        }
    }

    void refresh() throws SQLException {
        jdbcTemplate.execute("UPDATE " + table + " SET \"installed_on\" = LOCALTIMESTAMP WHERE \"installed_rank\" = "
                + LOCK_RANK + " AND \"version\" = ?", holder);
    }

    void release() throws SQLException {
        jdbcTemplate.execute("DELETE FROM " + table + " WHERE \"installed_rank\" = " + LOCK_RANK
                + " AND \"version\" = ?", holder);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlywayException("Interrupted while waiting for the lock on Flyway's schema history table", e);
        }
    }
}
