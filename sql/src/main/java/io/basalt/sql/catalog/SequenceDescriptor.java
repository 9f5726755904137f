package io.basalt.sql.catalog;

/**
 * A sequence as the catalog stores it: its definition only. Its progress is a counter in the
 * key-value layer, handed out in blocks of {@code cache} values (see {@code SequenceAllocator}),
 * so values are unique and increasing per block but not gap-free, and a rolled-back transaction
 * does not give its values back (as in PostgreSQL).
 *
 * @param ownedBy the table whose identity column it feeds (dropped with it), or null
 */
public record SequenceDescriptor(int id, String name, long start, long increment, long minValue, long maxValue,
                                 int cache, boolean cycle, String ownedBy) {

    public SequenceDescriptor {
        if (increment == 0) {
            throw new IllegalArgumentException("INCREMENT must not be zero");
        }
        if (minValue > maxValue || start < minValue || start > maxValue) {
            throw new IllegalArgumentException("START " + start + " must lie within MINVALUE " + minValue
                    + " and MAXVALUE " + maxValue);
        }
        if (cache < 1) {
            throw new IllegalArgumentException("CACHE must be positive");
        }
    }
}
