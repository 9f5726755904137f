package io.basalt.sql.sequence;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.CatalogStore;
import io.basalt.sql.catalog.SequenceDescriptor;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionManager;
import io.basalt.txn.TransactionRetryException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out sequence values, {@code cache} at a time. A block is reserved by a small transaction of
 * its own that advances the sequence's counter key (so it commits whatever the caller's
 * transaction does, like PostgreSQL's nextval); concurrent reservations, from this process or
 * another, conflict on that key and retry, so no value is handed out twice. Values are then taken
 * from the block in memory.
 *
 * <p>Threading: any thread. Each sequence's block is guarded by its own monitor; reserving a block
 * happens under it, so callers of one sequence queue behind a reservation while other sequences
 * go on. Unused values of a block are lost when the process stops (gaps, never duplicates).
 */
public final class SequenceAllocator {
    private static final int MAX_ATTEMPTS = 100;

    private final TransactionManager transactions;
    private final ConcurrentHashMap<Integer, Block> blocks = new ConcurrentHashMap<>();

    public SequenceAllocator(TransactionManager transactions) {
        this.transactions = transactions;
    }

    public long next(SequenceDescriptor sequence) {
        Block block = blocks.computeIfAbsent(sequence.id(), id -> new Block());
        synchronized (block) {
            if (block.remaining == 0) {
                reserve(sequence, block);
            }
            long value = block.next;
            block.remaining--;
            block.next += sequence.increment();
            return value;
        }
    }

    /** Forgets a dropped sequence's block. */
    public void forget(int sequenceId) {
        blocks.remove(sequenceId);
    }

    private void reserve(SequenceDescriptor sequence, Block block) {
        byte[] key = CatalogStore.sequenceValueKey(sequence.id());
        for (int attempt = 1; ; attempt++) {
            Transaction txn = transactions.begin(IsolationLevel.SNAPSHOT);
            try {
                byte[] stored = txn.get(key);
                long first = stored == null ? sequence.start() : ByteBuffer.wrap(stored).getLong();
                long count = available(sequence, first);
                if (count == 0) {
                    if (!sequence.cycle()) {
                        txn.rollback();
                        throw exhausted(sequence);
                    }
                    first = sequence.increment() > 0 ? sequence.minValue() : sequence.maxValue();
                    count = available(sequence, first);
                }
                long take = Math.min(count, sequence.cache());
                long after = first + take * sequence.increment();
                txn.put(key, ByteBuffer.allocate(Long.BYTES).putLong(after).array());
                txn.commit();
                block.next = first;
                block.remaining = take;
                return;
            } catch (TransactionRetryException e) {
                txn.rollback();
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** How many values from {@code first} on stay within the sequence's bounds (0 when exhausted). */
    private static long available(SequenceDescriptor sequence, long first) {
        if (first < sequence.minValue() || first > sequence.maxValue()) {
            return 0;
        }
        long room = sequence.increment() > 0 ? sequence.maxValue() - first : first - sequence.minValue();
        return Math.min(Long.MAX_VALUE - 1, room / Math.abs(sequence.increment())) + 1;
    }

    private static BasaltException exhausted(SequenceDescriptor sequence) {
        return new BasaltException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached "
                + (sequence.increment() > 0 ? "maximum" : "minimum") + " value of sequence \"" + sequence.name() + "\"");
    }

    private static final class Block {
        long next;
        long remaining;
    }
}
