package io.basalt.txn;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the transaction layer; tests and EXPLAIN-like tools read them to see which commit
 * path ran (ARCHITECTURE.md section 8: high-frequency events are metrics, not logs).
 */
public final class TxnStats {
    private final LongAdder readOnlyCommits = new LongAdder();
    private final LongAdder onePhaseCommits = new LongAdder();
    private final LongAdder twoPhaseCommits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder retryableAborts = new LongAdder();
    private final LongAdder pushes = new LongAdder();
    private final LongAdder lockWaits = new LongAdder();

    public void readOnlyCommit() {
        readOnlyCommits.increment();
    }

    public void onePhaseCommit() {
        onePhaseCommits.increment();
    }

    public void twoPhaseCommit() {
        twoPhaseCommits.increment();
    }

    public void rollback() {
        rollbacks.increment();
    }

    public void retryableAbort() {
        retryableAborts.increment();
    }

    public void push() {
        pushes.increment();
    }

    public void lockWait() {
        lockWaits.increment();
    }

    public long readOnlyCommits() {
        return readOnlyCommits.sum();
    }

    public long onePhaseCommits() {
        return onePhaseCommits.sum();
    }

    public long twoPhaseCommits() {
        return twoPhaseCommits.sum();
    }

    public long rollbacks() {
        return rollbacks.sum();
    }

    public long retryableAborts() {
        return retryableAborts.sum();
    }

    public long pushes() {
        return pushes.sum();
    }

    public long lockWaits() {
        return lockWaits.sum();
    }
}
