package io.basalt.txn.participant;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.kv.mvcc.Intent;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

/**
 * Two-phase locking scan: on its first page it takes a shared range lock on the whole of
 * {@code [start, end)}, gaps included, so no other transaction can insert, update or delete in the
 * range until this one ends (no phantoms); then it reads pages at the latest committed versions.
 * The lock is refused while another transaction has an intent in the range: the reply names it.
 *
 * <p>The range latch is held exclusively while checking for intents and granting the lock, and
 * writers hold it shared while checking range locks, so a write cannot slip in between.
 */
public record LockingScanCommand(byte[] start, byte[] end, int maxKeys, long txnId, boolean lockRange)
        implements PartitionCommand<LockingScanReply> {
    private static final long[] NONE = new long[0];

    @Override
    public CompletableFuture<LockingScanReply> execute(Participant participant) {
        if (lockRange) {
            Lock exclusive = participant.rangeLatch().writeLock();
            exclusive.lock();
            try {
                LockingScanReply refused = foreignIntent(participant);
                if (refused != null) {
                    return CompletableFuture.completedFuture(refused);
                }
                participant.lockTable().acquireRange(txnId, start, end);
            } finally {
                exclusive.unlock();
            }
        }
        return CompletableFuture.completedFuture(new LockingScanReply(
                participant.reader().scan(start, end, Long.MAX_VALUE, maxKeys), NONE, null));
    }

    private LockingScanReply foreignIntent(Participant participant) {
        try (EngineIterator it = participant.engine().newIterator(ColumnFamily.INTENTS, null)) {
            for (it.seek(start); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (end != null && Arrays.compareUnsigned(key, end) >= 0) {
                    return null;
                }
                Intent intent = Intent.decode(it.value());
                if (intent.txnId() != txnId) {
                    return new LockingScanReply(null, new long[] {intent.txnId()}, key);
                }
            }
        }
        return null;
    }
}
