package io.basalt.jdbc.wire;

/** How many bytes a row takes on the wire, roughly (UTF-8 assumed 1 byte per char): for cutting batches. */
public final class RowSizes {
    private RowSizes() {
    }

    public static long estimate(Object[] row) {
        long bytes = 0;
        for (Object value : row) {
            if (value instanceof String s) {
                bytes += 5 + s.length();
            } else if (value instanceof byte[] b) {
                bytes += 5 + b.length;
            } else {
                bytes += 17;
            }
        }
        return bytes;
    }
}
