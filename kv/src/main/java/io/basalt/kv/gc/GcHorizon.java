package io.basalt.kv.gc;

import java.util.Arrays;

/**
 * What garbage collection must keep readable: every timestamp at or above {@code gcTs}, and the
 * snapshots below it that active transactions still read at. For each key the collector keeps
 * everything above {@code gcTs} and, for {@code gcTs} and each snapshot, the newest version at or
 * below it; the versions in between are nobody's, so a transaction that keeps an old snapshot
 * open holds back only the versions it sees, not every version written since it began.
 *
 * @param gcTs no reader reads below this timestamp, except at {@code snapshots}
 * @param snapshots the timestamps below {@code gcTs} that are still read at: distinct, in
 *     descending order (the constructor normalises whatever it is given)
 */
public record GcHorizon(long gcTs, long[] snapshots) {
    private static final long[] NONE = new long[0];

    public GcHorizon {
        if (gcTs < 0) {
            throw new IllegalArgumentException("gcTs must not be negative: " + gcTs);
        }
        snapshots = Arrays.stream(snapshots).filter(ts -> ts >= 0 && ts < gcTs).distinct()
                .boxed().sorted((a, b) -> Long.compare(b, a)).mapToLong(Long::longValue).toArray();
    }

    /** Nothing below {@code gcTs} is read. */
    public static GcHorizon below(long gcTs) {
        return new GcHorizon(gcTs, NONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GcHorizon other && gcTs == other.gcTs && Arrays.equals(snapshots, other.snapshots);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(gcTs) * 31 + Arrays.hashCode(snapshots);
    }

    @Override
    public String toString() {
        return "GcHorizon[gcTs=" + gcTs + ", snapshots=" + Arrays.toString(snapshots) + "]";
    }
}
