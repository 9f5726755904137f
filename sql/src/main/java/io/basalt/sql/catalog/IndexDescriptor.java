package io.basalt.sql.catalog;

import java.util.Arrays;

/**
 * A secondary index of a table, as the catalog stores it (ARCHITECTURE.md section 4).
 *
 * <p>Entries live under their own id, like a table's rows, and hold the primary key of their row
 * (see {@code IndexCodec}). A {@link Placement#GLOBAL} index is term-partitioned: an entry's
 * partition is the hash of its indexed values, so an equality on all of them reads one partition.
 * A {@link Placement#LOCAL} index keeps each entry in its row's partition; a lookup reads them all.
 *
 * <p>An index is born {@link State#WRITE_ONLY}: writers maintain it, readers ignore it, while the
 * backfill fills in the rows that existed before. It becomes {@link State#PUBLIC} once the backfill
 * has committed; from then on the planner may read it, but only transactions whose snapshot is at
 * or after {@code readableFrom} (an older snapshot would miss backfilled entries) do.
 *
 * @param columns positions (into the table's columns) of the indexed columns, in key order
 * @param constraint whether the index backs a UNIQUE constraint of CREATE TABLE (named as such)
 * @param readableFrom the commit timestamp of the backfill: snapshots from here on see every entry
 */
public record IndexDescriptor(int id, String name, int[] columns, boolean unique, Placement placement,
                              boolean constraint, State state, long readableFrom) {

    public enum Placement { GLOBAL, LOCAL }

    public enum State { WRITE_ONLY, PUBLIC }

    public IndexDescriptor {
        columns = columns.clone();
        if (columns.length == 0) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    public int columnCount() {
        return columns.length;
    }

    public int column(int i) {
        return columns[i];
    }

    public boolean isPublic() {
        return state == State.PUBLIC;
    }

    public IndexDescriptor published(long backfillCommitTs) {
        return new IndexDescriptor(id, name, columns, unique, placement, constraint, State.PUBLIC, backfillCommitTs);
    }

    /** A word for EXPLAIN and metadata: "global" or "local". */
    public String placementName() {
        return placement == Placement.GLOBAL ? "global" : "local";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDescriptor other && other.id == id && other.name.equals(name)
                && Arrays.equals(other.columns, columns) && other.unique == unique
                && other.placement == placement && other.constraint == constraint && other.state == state
                && other.readableFrom == readableFrom;
    }

    @Override
    public int hashCode() {
        return id * 31 + name.hashCode();
    }
}
