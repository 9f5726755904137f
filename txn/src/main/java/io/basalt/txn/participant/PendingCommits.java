package io.basalt.txn.participant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The keys of this partition that a {@link OnePhaseCommitCommand} is writing right now: an
 * in-memory stand-in for the intents that command never writes. Snapshot readers take no latch,
 * so without it a reader could miss a version that lands below its snapshot.
 *
 * <h2>Why it is needed</h2>
 * The intent path makes its writes visible (as intents) <em>before</em> the coordinator takes the
 * commit timestamp, so a reader whose snapshot is above the commit timestamp always meets the
 * intent. A one-batch commit has nothing visible until its synced batch lands, and its commit
 * timestamp must be taken before that batch is built. This set closes the window:
 * <ol>
 *   <li>the committer registers its keys here (under their latches) <em>before</em> it takes the
 *       commit timestamp {@code C} from the oracle, and removes them only <em>after</em> its batch
 *       is visible in the engine;</li>
 *   <li>a reader checks this set <em>after</em> it has its snapshot {@code S} (and after it placed
 *       its SSI read marker) and <em>before</em> it reads the engine, and waits for any entry it
 *       meets to finish.</li>
 * </ol>
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>If {@code S > C}, the oracle issued {@code S} after {@code C}, so after the registration:
 *       the reader either meets the entry (and waits until the version is visible) or checks after
 *       the removal (and the version is already visible). So a version is never written below a
 *       snapshot that has read its key (design note, invariant 3).</li>
 *   <li>An entry registered after a reader's check has {@code C > S}: the version is invisible to
 *       that reader anyway. For SSI the committer looks for read markers only after registering,
 *       and a reader marks before it checks here, so one of the two sees the other: the committer
 *       finds the marker (and falls back to the intent path, which records the rw-edge), or the
 *       reader waits and then reads past the committed version (and records the edge itself).</li>
 *   <li>At most one entry per key: only a command holding the key's latch registers it.</li>
 * </ol>
 *
 * <h2>Threading</h2>
 * Any thread. Registration and removal happen under the keys' latches (one command at a time per
 * key); lookups take no lock. A reader blocks at most for one synced batch write (the committer
 * holds nothing else while it writes and never waits for another transaction), and never while
 * holding a latch.
 *
 * <p>Unreplicated, like the lock table: with replication the leader evaluates the command, so
 * only the leader's readers need it; a new leader starts with an empty set, which is right because
 * the old leader's in-flight commands either reached the log (visible) or failed.
 *
 * <p>See also {@code docs/design/transactions.md}, "One-phase commit in one batch".
 */
public final class PendingCommits {
    /** Keys in the engine's order (unsigned bytes); the value completes once the batch is visible. */
    private final ConcurrentSkipListMap<byte[], CompletableFuture<Void>> pending =
            new ConcurrentSkipListMap<>(Arrays::compareUnsigned);

    /**
     * Registers {@code keys}, which the caller holds the latches of; returns the handle to pass to
     * {@link #finish}. Must be followed by {@link #finish} on every path (try/finally).
     */
    CompletableFuture<Void> register(Collection<byte[]> keys) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (byte[] key : keys) {
            CompletableFuture<Void> previous = pending.put(key, done);
            if (previous != null) {
                // Latches make this impossible; finish the other one rather than strand its readers.
                previous.complete(null);
                throw new IllegalStateException("two one-phase commits of one key at once");
            }
        }
        return done;
    }

    /** Removes {@code keys} registered with {@code done} and wakes the readers waiting for them. */
    void finish(Collection<byte[]> keys, CompletableFuture<Void> done) {
        for (byte[] key : keys) {
            pending.remove(key, done);
        }
        done.complete(null);
    }

    /** Waits until no one-batch commit of {@code key} registered before this call is in flight. */
    public void awaitKey(byte[] key) {
        if (pending.isEmpty()) {
            return;
        }
        CompletableFuture<Void> done = pending.get(key);
        if (done != null) {
            done.join();
        }
    }

    /** As {@link #awaitKey} for every key in {@code [start, end)}; a null bound is open. */
    public void awaitRange(byte[] start, byte[] end) {
        if (pending.isEmpty()) {
            return;
        }
        ConcurrentNavigableMap<byte[], CompletableFuture<Void>> range = pending;
        if (start != null) {
            range = range.tailMap(start, true);
        }
        if (end != null) {
            range = range.headMap(end, false);
        }
        if (range.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(range.values());
        inFlight.forEach(CompletableFuture::join);
    }

    /** For tests: keys registered now. */
    int size() {
        return pending.size();
    }
}
