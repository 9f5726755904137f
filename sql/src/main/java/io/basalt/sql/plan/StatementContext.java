package io.basalt.sql.plan;

import io.basalt.sql.exec.ExecutionContext;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@link DataContext} of one execution of a plan: its parameter values ({@code ?0}, ...), the
 * objects the plan stashed when it was compiled, the statement's clock, and the
 * {@link ExecutionContext} (its transaction).
 */
final class StatementContext implements DataContext {
    private final JavaTypeFactory typeFactory;
    private final Map<String, Object> stash;
    private final List<Object> parameters;
    private final ExecutionContext execution;
    private final long statementMillis;
    private final AtomicBoolean cancelFlag = new AtomicBoolean();
    private SchemaPlus rootSchema;

    StatementContext(JavaTypeFactory typeFactory, Map<String, Object> stash, List<Object> parameters,
                     ExecutionContext execution) {
        this.typeFactory = typeFactory;
        this.stash = stash;
        this.parameters = parameters;
        this.execution = execution;
        this.statementMillis = System.currentTimeMillis();
    }

    /**
     * A schema of this execution's own, empty until a recursive query ({@code WITH RECURSIVE})
     * registers the working table of its iteration in it, which is all Calcite's generated code
     * uses the root schema for; the catalog's tables are reached through the stash instead.
     */
    @Override
    public SchemaPlus getRootSchema() {
        if (rootSchema == null) {
            rootSchema = CalciteSchema.createRootSchema(false, false).plus();
        }
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    AtomicBoolean cancelFlag() {
        return cancelFlag;
    }

    @Override
    public Object get(String name) {
        if (name.startsWith("?")) {
            return parameters.get(Integer.parseInt(name.substring(1)));
        }
        if (ExecutionContext.KEY.equals(name)) {
            return execution;
        }
        Object stashed = stash.get(name);
        if (stashed != null) {
            return stashed;
        }
        // CURRENT_TIMESTAMP and friends are fixed for the whole statement, as the standard says.
        // Basalt has no session time zone yet: local time is UTC.
        if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
                || Variable.UTC_TIMESTAMP.camelName.equals(name)) {
            return statementMillis;
        }
        if (Variable.TIME_ZONE.camelName.equals(name)) {
            return TimeZone.getTimeZone("UTC");
        }
        if (Variable.USER.camelName.equals(name)) {
            return execution == null ? ExecutionContext.DEFAULT_USER : execution.user();
        }
        if (Variable.SYSTEM_USER.camelName.equals(name)) {
            return System.getProperty("user.name");
        }
        if (Variable.CANCEL_FLAG.camelName.equals(name)) {
            return cancelFlag;
        }
        return null;
    }
}
