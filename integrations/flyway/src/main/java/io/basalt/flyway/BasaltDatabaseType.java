package io.basalt.flyway;

import java.sql.Connection;
import java.sql.Types;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Flyway's entry point for Basalt, found through {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}.
 * Flyway refuses a database no plugin claims ("Unsupported Database"), so without this jar on the
 * class path it will not run against {@code jdbc:basalt:} URLs at all.
 *
 * <p>It claims every {@code jdbc:basalt:} URL (embedded {@code mem:} and {@code file:}, and remote
 * {@code //host}) and any connection whose product name is {@code Basalt}.
 */
public final class BasaltDatabaseType extends BaseDatabaseType {
    static final String PRODUCT_NAME = "Basalt";

    @Override
    public String getName() {
        return PRODUCT_NAME;
    }

    @Override
    public int getNullType() {
        return Types.NULL;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith("jdbc:basalt:");
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return "io.basalt.jdbc.BasaltDriver";
    }

    /** Flyway passes the product name with the version appended ("Basalt 0.1"). */
    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
            Connection connection) {
        return databaseProductName.equals(PRODUCT_NAME) || databaseProductName.startsWith(PRODUCT_NAME + " ");
    }

    @Override
    public Database<?> createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        return new BasaltDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
            ParsingContext parsingContext) {
        return new BasaltParser(configuration, parsingContext);
    }
}
