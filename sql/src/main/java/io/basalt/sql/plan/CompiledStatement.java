package io.basalt.sql.plan;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.exec.ExecutionContext;
import io.basalt.sql.type.InternalValues;
import io.basalt.txn.Cancellation;
import io.basalt.txn.LockStrength;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A query or DML statement planned and compiled against one catalog version: immutable, shared by
 * every session through the plan cache, and executed by binding parameters and a transaction.
 */
public final class CompiledStatement {
    private final boolean query;
    private final Bindable<Object> bindable;
    private final Map<String, Object> stash;
    private final JavaTypeFactory typeFactory;
    private final List<ColumnMetadata> columns;
    private final SqlTypeName[] outputTypes;
    private final int[] outputFields;
    private final List<ParameterMetadata> parameters;
    private final SqlTypeName[] parameterTypes;
    private final String plan;
    private final boolean catalogOnly;
    private final LockStrength rowLock;
    private final boolean noWait;

    CompiledStatement(boolean query, Bindable<Object> bindable, Map<String, Object> stash, JavaTypeFactory typeFactory,
                      List<ColumnMetadata> columns, SqlTypeName[] outputTypes, int[] outputFields,
                      List<ParameterMetadata> parameters, SqlTypeName[] parameterTypes, String plan,
                      boolean catalogOnly) {
        this(query, bindable, stash, typeFactory, columns, outputTypes, outputFields, parameters, parameterTypes, plan,
                catalogOnly, null, false);
    }

    private CompiledStatement(boolean query, Bindable<Object> bindable, Map<String, Object> stash, JavaTypeFactory typeFactory,
                              List<ColumnMetadata> columns, SqlTypeName[] outputTypes, int[] outputFields,
                              List<ParameterMetadata> parameters, SqlTypeName[] parameterTypes, String plan,
                              boolean catalogOnly, LockStrength rowLock, boolean noWait) {
        this.query = query;
        this.bindable = bindable;
        this.stash = stash;
        this.typeFactory = typeFactory;
        this.columns = List.copyOf(columns);
        this.outputTypes = outputTypes;
        this.outputFields = outputFields;
        this.parameters = List.copyOf(parameters);
        this.parameterTypes = parameterTypes;
        this.plan = plan;
        this.catalogOnly = catalogOnly;
        this.rowLock = rowLock;
        this.noWait = noWait;
    }

    /** The same query locking the rows it reads ({@code FOR UPDATE / FOR SHARE [NOWAIT]}). */
    CompiledStatement withRowLock(LockStrength strength, boolean failAtOnce) {
        return new CompiledStatement(query, bindable, stash, typeFactory, columns, outputTypes, outputFields, parameters,
                parameterTypes, plan, catalogOnly, strength, failAtOnce);
    }

    /** The row lock to take on what the query reads, or null. */
    public LockStrength rowLock() {
        return rowLock;
    }

    public boolean noWait() {
        return noWait;
    }

    /** Whether it returns rows (a query) rather than a count (DML). */
    public boolean isQuery() {
        return query;
    }

    /**
     * Whether it is a query of system tables only ({@code BASALT_CATALOG}): it reads nothing a
     * transaction protects, so the session need not run it in the client's transaction.
     */
    public boolean readsCatalogOnly() {
        return catalogOnly;
    }

    public List<ColumnMetadata> columns() {
        return columns;
    }

    public List<ParameterMetadata> parameters() {
        return parameters;
    }

    /** The physical plan, as EXPLAIN prints it. */
    public String plan() {
        return plan;
    }

    /**
     * Runs the plan in {@code execution}'s transaction. Rows come back in Calcite's internal
     * representation; {@link #toClientRow} converts them.
     *
     * @param clientParameters one value per parameter, as the client sent them
     */
    public Enumerator<Object> open(List<Object> clientParameters, ExecutionContext execution) {
        try {
            Cancellation cancellation = execution.transaction() == null ? Cancellation.NONE
                    : execution.transaction().cancellation();
            return new GuardedEnumerator(bind(clientParameters, execution).enumerator(), cancellation);
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new GeneratedCodeFailure(e);
        }
    }

    private Enumerable<Object> bind(List<Object> clientParameters, ExecutionContext execution) {
        if (clientParameters.size() != parameterTypes.length) {
            throw new BasaltException(SqlState.PROTOCOL_VIOLATION, "the statement has " + parameterTypes.length
                    + " parameters but " + clientParameters.size() + " values were given");
        }
        List<Object> internal = new ArrayList<>(clientParameters.size());
        for (int i = 0; i < parameterTypes.length; i++) {
            Object value = InternalValues.fromClient(parameterTypes[i], clientParameters.get(i));
            if (parameterTypes[i] == SqlTypeName.CHAR && value instanceof String text) {
                value = padded(text, parameters.get(i).precision());
            }
            internal.add(value);
        }
        return bindable.bind(new StatementContext(typeFactory, stash, internal, execution));
    }

    /** CHAR(n) values carry their trailing spaces, so a CHAR parameter compares like a CHAR column. */
    private static String padded(String text, int length) {
        int codePoints = text.codePointCount(0, text.length());
        return codePoints >= length ? text : text + " ".repeat(length - codePoints);
    }

    /** A row of the plan's output as the client sees it: the visible columns, in client types. */
    public Object[] toClientRow(Object planRow) {
        Object[] out = new Object[outputFields.length];
        if (planRow instanceof Object[] values) {
            for (int i = 0; i < outputFields.length; i++) {
                out[i] = InternalValues.toClient(outputTypes[i], values[outputFields[i]]);
            }
        } else {
            out[0] = InternalValues.toClient(outputTypes[0], planRow);
        }
        return out;
    }
}
