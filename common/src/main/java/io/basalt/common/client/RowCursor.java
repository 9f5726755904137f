package io.basalt.common.client;

import java.util.List;

/**
 * Rows of a result, read forward once. A remote implementation fetches them in batches; the
 * embedded one pulls them from the running plan, so a large result is never held whole.
 */
public interface RowCursor extends AutoCloseable {

    List<ColumnMetadata> columns();

    /**
     * The next row, one value per column (see the package documentation for the Java types), or
     * {@code null} when there are no more rows. The array belongs to the caller.
     */
    Object[] next();

    /** Stops reading; idempotent. */
    @Override
    void close();
}
