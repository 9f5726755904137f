package io.basalt.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * What Flyway needs to know about Basalt.
 *
 * <p><b>No transactions around migrations.</b> Basalt commits DDL in a catalog transaction of its
 * own and refuses it inside a transaction block (SQLState 25001, docs/design/0004). Flyway wraps
 * the history table's creation, its lock and every migration in a transaction whenever a database
 * says it supports multi-statement transactions, and then the first CREATE TABLE would fail. So
 * {@link #supportsMultiStatementTransactions()} is false: every statement of a migration runs in
 * autocommit, as MySQL's DDL effectively does. A migration that fails halfway leaves its earlier
 * statements applied; Flyway records it as failed, and {@code repair} after fixing it clears the
 * record. We considered marking only DDL statements non-transactional in the parser, but the
 * history table is still created inside Flyway's lock transaction, which no parser setting reaches.
 *
 * <p><b>One schema.</b> User tables live in {@code PUBLIC}; DDL takes unqualified names only, so
 * the history table's DDL names it without its schema. The current schema cannot be changed.
 */
final class BasaltDatabase extends Database<BasaltConnection> {
    BasaltDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    protected BasaltConnection doGetConnection(Connection connection) {
        return new BasaltConnection(this, connection);
    }

    /** Every Basalt version the driver can talk to runs the SQL used here. */
    @Override
    public void ensureSupported(Configuration configuration) {
    }

    @Override
    public boolean supportsDdlTransactions() {
        return false;
    }

    @Override
    public boolean supportsMultiStatementTransactions() {
        return false;
    }

    @Override
    public String getBooleanTrue() {
        return "TRUE";
    }

    @Override
    public String getBooleanFalse() {
        return "FALSE";
    }

    @Override
    public boolean catalogIsSchema() {
        return false;
    }

    /** Quotes doubled inside a quoted identifier, as Calcite reads them. */
    @Override
    public String doQuote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    protected String getEscapedQuote() {
        return "\"\"";
    }

    /**
     * The JDBC user, or for an embedded database without users the operating-system user that runs
     * the migration: {@code installed_by} is NOT NULL and should say who applied it.
     */
    @Override
    protected String doGetCurrentUser() throws SQLException {
        String user = jdbcMetaData.getUserName();
        return user != null ? user : System.getProperty("user.name", "");
    }

    /**
     * The same columns as Flyway's other databases. The primary key on installed_rank is also what
     * {@link HistoryTableLock} relies on: two lock rows cannot share rank -100. The index on
     * success serves the failed-migration lookups of validate and repair.
     */
    @Override
    public String getRawCreateScript(Table table, boolean baseline) {
        String name = quote(table.getName());
        return "CREATE TABLE " + name + " (\n"
                + "    \"installed_rank\" INTEGER NOT NULL PRIMARY KEY,\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" INTEGER,\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,\n"
                + "    \"execution_time\" INTEGER NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL\n"
                + ");\n"
                + (baseline ? getBaselineStatement(table) + ";\n" : "")
                + "CREATE INDEX " + quote(table.getName() + "_s_idx") + " ON " + name + " (\"success\");\n";
    }
}
