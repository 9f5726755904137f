package io.basalt.sql.session;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import io.basalt.common.client.StatementResult;
import io.basalt.common.client.TransactionIsolation;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SqlEngine;
import io.basalt.sql.parse.SqlBeginTransaction;
import io.basalt.sql.parse.SqlCommit;
import io.basalt.sql.parse.SqlCreateIndex;
import io.basalt.sql.parse.SqlCreateSequence;
import io.basalt.sql.parse.SqlCreateUser;
import io.basalt.sql.parse.SqlAlterUser;
import io.basalt.sql.parse.SqlDropUser;
import io.basalt.sql.parse.SqlCreateTable;
import io.basalt.sql.parse.SqlDropSequence;
import io.basalt.sql.parse.SqlTruncate;
import io.basalt.sql.parse.SqlAlterTable;
import io.basalt.sql.parse.SqlDropIndex;
import io.basalt.sql.parse.SqlDropTable;
import io.basalt.sql.parse.SqlRollback;
import io.basalt.sql.parse.SqlSetTransaction;
import io.basalt.sql.parse.SqlShow;
import io.basalt.sql.parse.TransactionMode;
import io.basalt.sql.plan.CompiledStatement;
import io.basalt.txn.IsolationLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;

/**
 * Runs the statements that are not planned by Calcite: DDL, transaction control, SET and SHOW.
 * Kept apart from {@link SqlSession} so the session holds only the transaction state machine.
 */
final class UtilityExecutor {
    static final List<ColumnMetadata> PLAN_COLUMNS = List.of(textColumn("PLAN"));

    private final SqlSession session;
    private final SqlEngine engine;
    private final SessionSettings settings;

    UtilityExecutor(SqlSession session, SqlEngine engine, SessionSettings settings) {
        this.session = session;
        this.engine = engine;
        this.settings = settings;
    }

    boolean returnsRows(SqlNode node) {
        return node instanceof SqlShow;
    }

    List<ColumnMetadata> columnsOf(SqlNode node) {
        if (node instanceof SqlShow show) {
            return show.subject() == SqlShow.Subject.ALL
                    ? List.of(textColumn("NAME"), textColumn("SETTING"))
                    : List.of(textColumn(showColumnName(show)));
        }
        return List.of();
    }

    StatementResult execute(SqlNode node) {
        if (node instanceof SqlBeginTransaction begin) {
            if (session.inExplicitTransaction() && session.transactionStarted()) {
                return StatementResult.updateCount(0); // PostgreSQL: a warning, the transaction goes on
            }
            session.beginBlock();
            applyModes(begin.modes(), false);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlCommit) {
            session.commit();
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlRollback) {
            session.rollback();
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlSetTransaction set) {
            if (set.sessionCharacteristics()) {
                applyModes(set.modes(), true);
            } else if (session.inExplicitTransaction()) {
                if (session.transactionStarted()) {
                    throw new BasaltException(SqlState.ACTIVE_SQL_TRANSACTION,
                            "SET TRANSACTION must be called before any query of the transaction");
                }
                applyModes(set.modes(), false);
            }
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlSetOption option) {
            String name = option.getName().toString();
            if (option.getValue() == null) {
                settings.reset(name);
            } else {
                settings.set(name, valueText(option.getValue()));
            }
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlShow show) {
            return StatementResult.rows(show(show));
        }
        if (node instanceof SqlCreateTable create) {
            checkDdlAllowed();
            engine.ddl().createTable(create);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlDropTable drop) {
            checkDdlAllowed();
            engine.ddl().dropTable(drop);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlAlterTable alter) {
            checkDdlAllowed();
            engine.ddl().alterTable(alter);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlTruncate truncate) {
            checkDdlAllowed();
            engine.ddl().truncate(truncate);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlCreateSequence create) {
            checkDdlAllowed();
            engine.ddl().createSequence(create);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlDropSequence drop) {
            checkDdlAllowed();
            engine.ddl().dropSequence(drop);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlCreateUser create) {
            checkDdlAllowed();
            engine.users().create(create.userName(), UserPasswords.verifier(create.password()), create.ifNotExists());
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlAlterUser alter) {
            checkDdlAllowed();
            engine.users().changePassword(alter.userName(), UserPasswords.verifier(alter.password()));
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlDropUser drop) {
            checkDdlAllowed();
            engine.users().drop(drop.userName(), drop.ifExists());
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlCreateIndex create) {
            checkDdlAllowed();
            engine.ddl().createIndex(create);
            return StatementResult.updateCount(0);
        }
        if (node instanceof SqlDropIndex drop) {
            checkDdlAllowed();
            engine.ddl().dropIndex(drop);
            return StatementResult.updateCount(0);
        }
        throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED,
                "statement not supported: " + node.getKind().lowerName);
    }

    /** Isolation and access modes: for the session's future transactions, or for the current one only. */
    private void applyModes(List<TransactionMode> modes, boolean sessionDefault) {
        for (TransactionMode mode : modes) {
            TransactionIsolation isolation = switch (mode) {
                case READ_UNCOMMITTED, READ_COMMITTED -> TransactionIsolation.READ_COMMITTED;
                case REPEATABLE_READ, SNAPSHOT -> TransactionIsolation.REPEATABLE_READ;
                case SERIALIZABLE -> TransactionIsolation.SERIALIZABLE;
                default -> null;
            };
            Boolean readOnly = mode == TransactionMode.READ_ONLY ? Boolean.TRUE
                    : mode == TransactionMode.READ_WRITE ? Boolean.FALSE : null;
            if (sessionDefault) {
                if (isolation != null) {
                    session.setIsolation(isolation);
                }
                if (readOnly != null) {
                    session.setReadOnly(readOnly);
                }
            } else {
                session.setTransactionModes(isolation, readOnly);
            }
        }
    }

    /** Whether the statement ends the transaction (an error in it must not mark the transaction failed). */
    static boolean endsTransaction(SqlNode node) {
        return node instanceof SqlCommit || node instanceof SqlRollback;
    }

    private void checkDdlAllowed() {
        if (session.effectiveReadOnly()) {
            throw new BasaltException(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute DDL in a read-only transaction");
        }
        // A schema change commits on its own, so inside a transaction block it could not be rolled
        // back with the block: refused rather than half-transactional (PostgreSQL's DDL is
        // transactional; Basalt's is not yet).
        if (session.inExplicitTransaction()) {
            throw new BasaltException(SqlState.ACTIVE_SQL_TRANSACTION, "DDL cannot run inside a transaction block"
                    + " (BEGIN, or autocommit off): it is not transactional, run it in autocommit mode");
        }
    }

    private RowCursor show(SqlShow show) {
        return switch (show.subject()) {
            case TRANSACTION_ISOLATION -> ListCursor.ofText(showColumnName(show),
                    List.of(session.effectiveIsolation().sqlName().toLowerCase(Locale.ROOT)));
            case ALL -> {
                List<Object[]> rows = new ArrayList<>();
                Map<String, String> all = new TreeMap<>(settings.all());
                all.put("transaction_isolation", session.effectiveIsolation().sqlName().toLowerCase(Locale.ROOT));
                all.forEach((name, value) -> rows.add(new Object[] {name, value}));
                yield new ListCursor(List.of(textColumn("NAME"), textColumn("SETTING")), rows);
            }
            case SETTING -> {
                String name = show.name().toString();
                String value = name.equalsIgnoreCase("transaction_isolation")
                        ? session.effectiveIsolation().sqlName().toLowerCase(Locale.ROOT)
                        : settings.get(name);
                yield ListCursor.ofText(showColumnName(show), List.of(value));
            }
        };
    }

    private static String showColumnName(SqlShow show) {
        return show.subject() == SqlShow.Subject.TRANSACTION_ISOLATION
                ? "TRANSACTION_ISOLATION"
                : show.name() == null ? "SETTING" : show.name().toString().toUpperCase(Locale.ROOT);
    }

    private static String valueText(SqlNode value) {
        if (value instanceof SqlLiteral literal) {
            Object v = literal.getValue();
            return v instanceof org.apache.calcite.util.NlsString nls ? nls.getValue() : literal.toValue();
        }
        if (value instanceof SqlIdentifier identifier) {
            return identifier.toString();
        }
        return value.toString();
    }

    static RowCursor planRows(CompiledStatement statement) {
        List<String> lines = List.of(statement.plan().split("\n"));
        return ListCursor.ofText("PLAN", lines);
    }

    /** The transaction protocol for a session's isolation setting; all run as snapshot isolation for now. */
    static IsolationLevel toTxnLevel(TransactionIsolation isolation, SessionSettings settings) {
        return switch (isolation) {
            case READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
            case REPEATABLE_READ -> IsolationLevel.SNAPSHOT;
            case SERIALIZABLE -> "2pl".equals(settings.get(SessionSettings.SERIALIZABLE))
                    ? IsolationLevel.SERIALIZABLE_2PL : IsolationLevel.SERIALIZABLE_SSI;
        };
    }

    private static ColumnMetadata textColumn(String name) {
        return new ColumnMetadata(name, name, "", "", java.sql.Types.VARCHAR, "VARCHAR", Integer.MAX_VALUE, 0, false);
    }
}
