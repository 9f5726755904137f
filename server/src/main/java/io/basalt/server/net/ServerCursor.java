package io.basalt.server.net;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import io.basalt.jdbc.wire.RowSizes;
import io.basalt.jdbc.wire.WireProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine cursor read in batches, one row ahead, so that a batch knows whether it is the last one
 * (the client then needs no extra Fetch, and the engine's statement ends at once). A batch stops at
 * the requested row count or at ≈ {@link WireProtocol#BATCH_TARGET_BYTES}, whichever comes first.
 */
final class ServerCursor implements AutoCloseable {
    private final RowCursor cursor;
    private Object[] ahead;

    ServerCursor(RowCursor cursor) {
        this.cursor = cursor;
        this.ahead = cursor.next();
    }

    List<ColumnMetadata> columns() {
        return cursor.columns();
    }

    boolean exhausted() {
        return ahead == null;
    }

    List<Object[]> nextBatch(int maxRows) {
        List<Object[]> rows = new ArrayList<>(Math.min(maxRows, 1024));
        long bytes = 0;
        while (ahead != null && rows.size() < maxRows && bytes < WireProtocol.BATCH_TARGET_BYTES) {
            rows.add(ahead);
            bytes += RowSizes.estimate(ahead);
            ahead = cursor.next();
        }
        return rows;
    }

    @Override
    public void close() {
        ahead = null;
        cursor.close();
    }
}
