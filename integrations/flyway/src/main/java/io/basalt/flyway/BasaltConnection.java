package io.basalt.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;

/**
 * One JDBC connection as Flyway sees it. The current schema is the driver's, {@code PUBLIC}
 * unless the application set another; Basalt has no search path, so changing it is a no-op and
 * Flyway's {@code schemas} setting can name {@code PUBLIC} only.
 */
final class BasaltConnection extends Connection<BasaltDatabase> {
    BasaltConnection(BasaltDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    @Override
    protected String getCurrentSchemaNameOrSearchPath() throws SQLException {
        return getJdbcConnection().getSchema();
    }

    @Override
    public Schema<?, ?> getSchema(String name) {
        return new BasaltSchema(jdbcTemplate, database, name);
    }
}
