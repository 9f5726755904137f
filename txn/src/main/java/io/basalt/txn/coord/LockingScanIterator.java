package io.basalt.txn.coord;

import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.txn.KeyValue;
import io.basalt.txn.participant.LockingScanCommand;
import io.basalt.txn.participant.LockingScanReply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A two-phase locking scan: the first page takes the range lock (waiting for other transactions'
 * intents in the range to go), later pages read under it. Rows are the latest committed versions,
 * or this transaction's own writes.
 */
final class LockingScanIterator implements Iterator<KeyValue> {
    private final TxnCoordinator txn;
    private final int partition;
    private final byte[] end;
    private byte[] resume;
    private boolean locked;
    private List<KeyValue> page = List.of();
    private int position;

    LockingScanIterator(TxnCoordinator txn, int partition, byte[] start, byte[] end) {
        this.txn = txn;
        this.partition = partition;
        this.end = end;
        this.resume = start;
    }

    @Override
    public boolean hasNext() {
        while (position == page.size()) {
            if (resume == null) {
                return false;
            }
            page = txn.step(this::nextPage);
            position = 0;
        }
        return true;
    }

    private List<KeyValue> nextPage() {
        boolean woken = false;
        while (true) {
            LockingScanReply reply = txn.calls().call(partition,
                    new LockingScanCommand(resume, end, txn.scanPageSize(), txn.id(), !locked));
            if (reply.granted()) {
                locked = true;
                resume = reply.batch().resumeKey();
                List<KeyValue> visible = new ArrayList<>();
                for (MvccEntry entry : reply.batch().entries()) {
                    byte[] value = entry.intent() != null && entry.intent().txnId() == txn.id() && !entry.intent().isLockOnly()
                            ? entry.intent().value()
                            : entry.committedValue();
                    if (value != null) {
                        visible.add(new KeyValue(entry.key(), value));
                    }
                }
                return visible;
            }
            txn.awaitScanLock(partition, reply.blockedKey(), reply.blockers(), woken);
            woken = true;
        }
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(position++);
    }
}
