package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.Symbolizable;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code transaction_mode} of PostgreSQL's BEGIN, START TRANSACTION, SET TRANSACTION and
 * SET SESSION CHARACTERISTICS: an isolation level or an access mode, exactly as written.
 *
 * <p>This is the parser's view, not the engine's: SNAPSHOT and READ UNCOMMITTED survive parsing
 * so that the session layer decides what they run as (ARCHITECTURE.md section 3 runs REPEATABLE
 * READ as snapshot isolation; PostgreSQL runs READ UNCOMMITTED as READ COMMITTED).
 */
public enum TransactionMode implements Symbolizable {
    READ_UNCOMMITTED("ISOLATION LEVEL READ UNCOMMITTED"),
    READ_COMMITTED("ISOLATION LEVEL READ COMMITTED"),
    REPEATABLE_READ("ISOLATION LEVEL REPEATABLE READ"),
    SNAPSHOT("ISOLATION LEVEL SNAPSHOT"),
    SERIALIZABLE("ISOLATION LEVEL SERIALIZABLE"),
    READ_ONLY("READ ONLY"),
    READ_WRITE("READ WRITE");

    private final String sql;

    TransactionMode(String sql) {
        this.sql = sql;
    }

    /** The mode as it is written in SQL, for example {@code ISOLATION LEVEL REPEATABLE READ}. */
    public String sql() {
        return sql;
    }

    public boolean isIsolationLevel() {
        return this != READ_ONLY && this != READ_WRITE;
    }

    /**
     * The mode among {@code modes} that {@code next} contradicts (another isolation level, or
     * the other access mode), or null. Repeating the same mode is not a conflict.
     *
     * <p>PostgreSQL applies a contradictory list silently, last one wins; we reject it because
     * a transaction that runs at a level its author did not mean is worse than an error.
     */
    public static @Nullable TransactionMode conflicting(List<TransactionMode> modes, TransactionMode next) {
        for (TransactionMode mode : modes) {
            if (mode != next && mode.isIsolationLevel() == next.isIsolationLevel()) {
                return mode;
            }
        }
        return null;
    }

    /** The modes held by a list of symbol literals, as the transaction statements store them. */
    public static List<TransactionMode> of(Iterable<SqlNode> literals) {
        final List<TransactionMode> modes = new ArrayList<>();
        for (SqlNode literal : literals) {
            modes.add(((SqlLiteral) literal).getValueAs(TransactionMode.class));
        }
        return modes;
    }

    /** The isolation level in {@code modes}, or null if none was given. */
    static @Nullable TransactionMode isolationLevel(List<TransactionMode> modes) {
        for (TransactionMode mode : modes) {
            if (mode.isIsolationLevel()) {
                return mode;
            }
        }
        return null;
    }

    /** READ_ONLY or READ_WRITE if {@code modes} has one, or null. */
    static @Nullable TransactionMode accessMode(List<TransactionMode> modes) {
        for (TransactionMode mode : modes) {
            if (!mode.isIsolationLevel()) {
                return mode;
            }
        }
        return null;
    }

    /** Writes {@code ISOLATION LEVEL SERIALIZABLE, READ ONLY}; nothing for an empty list. */
    static void unparse(SqlWriter writer, List<TransactionMode> modes) {
        final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
        for (TransactionMode mode : modes) {
            writer.sep(",");
            writer.keyword(mode.sql);
        }
        writer.endList(frame);
    }
}
