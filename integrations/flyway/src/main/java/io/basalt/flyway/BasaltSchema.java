package io.basalt.flyway;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A schema, read from the {@code BASALT_CATALOG} system tables. Basalt has exactly two:
 * {@code PUBLIC}, where every user table and sequence lives, and the read-only
 * {@code BASALT_CATALOG}; neither can be created or dropped.
 *
 * <p>Clean drops the tables (with CASCADE, so foreign keys between them do not dictate an order;
 * their indexes and identity sequences go with them) and then the sequences no table owns.
 */
final class BasaltSchema extends Schema<BasaltDatabase, BasaltTable> {
    private static final String SYSTEM_SCHEMA = "BASALT_CATALOG";

    BasaltSchema(JdbcTemplate jdbcTemplate, BasaltDatabase database, String name) {
        super(jdbcTemplate, database, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return jdbcTemplate.queryForInt("SELECT COUNT(*) FROM BASALT_CATALOG.SCHEMAS WHERE SCHEMA_NAME = ?", name) > 0;
    }

    @Override
    protected boolean doEmpty() throws SQLException {
        return tableNames().isEmpty() && freeSequenceNames().isEmpty();
    }

    @Override
    protected void doCreate() {
        throw new FlywayException("Basalt cannot create schema " + this + ": user objects live in schema PUBLIC");
    }

    @Override
    protected void doDrop() {
        throw new FlywayException("Basalt cannot drop schema " + this + ": its schemas are fixed");
    }

    @Override
    protected void doClean() throws SQLException {
        if (SYSTEM_SCHEMA.equals(name)) {
            throw new FlywayException("Schema " + SYSTEM_SCHEMA + " is read-only and cannot be cleaned");
        }
        for (BasaltTable table : allTables()) {
            table.drop();
        }
        for (String sequence : freeSequenceNames()) {
            jdbcTemplate.execute("DROP SEQUENCE IF EXISTS " + database.quote(sequence));
        }
    }

    @Override
    protected BasaltTable[] doAllTables() throws SQLException {
        return tableNames().stream().map(this::getTable).toArray(BasaltTable[]::new);
    }

    @Override
    public BasaltTable getTable(String tableName) {
        return new BasaltTable(jdbcTemplate, database, this, tableName);
    }

    private List<String> tableNames() throws SQLException {
        return jdbcTemplate.queryForStringList("SELECT TABLE_NAME FROM BASALT_CATALOG.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'TABLE' ORDER BY TABLE_NAME", name);
    }

    /** Sequences that DROP TABLE does not take along: those not feeding an identity column. */
    private List<String> freeSequenceNames() throws SQLException {
        return jdbcTemplate.queryForStringList("SELECT SEQUENCE_NAME FROM BASALT_CATALOG.SEQUENCES"
                + " WHERE SEQUENCE_SCHEMA = ? AND OWNED_BY_TABLE IS NULL ORDER BY SEQUENCE_NAME", name);
    }
}
