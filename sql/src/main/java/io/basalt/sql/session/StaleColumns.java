package io.basalt.sql.session;

import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.txn.TransactionRetryException;

/**
 * The check that keeps a DML statement from storing rows laid out for columns that an ALTER TABLE
 * changed while it ran. It runs after the statement's writes are flushed (its intents, and so its
 * row locks, are in place), against the catalog published now:
 *
 * <ol>
 *   <li>Same version as when the statement started: the ALTER has not published yet, so no
 *       statement with the new columns has started; any that touches these rows later waits for
 *       this transaction and reads its rows as rows from before the ALTER (a new column absent,
 *       so its missing value).</li>
 *   <li>A table's row layout changed (columns added or dropped): a statement with the new columns may have written a row this
 *       one then rewrote without the new column's value (READ COMMITTED re-reads the latest row
 *       under its lock). The statement fails retryably (40001) rather than lose that value.</li>
 * </ol>
 * An autocommit DML statement runs it just before its commit instead, since its writes go out with
 * the commit (see {@code SqlSession.runDml}); a writer with the new layout that touches its rows
 * after that makes the commit meet a newer version, which restarts or fails the statement.
 *
 * <p>Conservative: it does not know which tables the statement wrote, so a change of any table's
 * row layout counts (renames, defaults and constraints do not). Column changes are rare, and the
 * usual cost is one comparison of versions.
 */
final class StaleColumns {
    private StaleColumns() {
    }

    static void check(Catalog started, Catalog latest) {
        if (started == null || latest.version() == started.version()) {
            return;
        }
        for (TableDescriptor table : started.tables()) {
            TableDescriptor now = latest.tableById(table.id());
            if (now != null && !now.sameRowLayout(table)) {
                throw new TransactionRetryException(SqlState.SERIALIZATION_FAILURE, "the columns of table \""
                        + table.name() + "\" changed while the statement ran; run it again");
            }
        }
    }
}
