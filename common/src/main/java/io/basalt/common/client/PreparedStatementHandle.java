package io.basalt.common.client;

import java.util.List;

/**
 * A statement parsed and planned by the engine, ready to be executed with parameters. Closing it
 * releases the engine's resources; executing a closed handle fails.
 */
public interface PreparedStatementHandle extends AutoCloseable {

    String sql();

    /** One entry per {@code ?}, in order. */
    List<ParameterMetadata> parameters();

    /** The result columns for a query, empty for anything else. */
    List<ColumnMetadata> columns();

    /** Whether executing returns rows. */
    boolean isQuery();

    @Override
    void close();
}
