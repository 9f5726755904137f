package io.basalt.txn.coord;

import io.basalt.txn.KeyValue;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Pages through a range of one partition, fetching the next page only when the current one is used
 * up. Pages start small and grow fourfold up to the configured page size: a reader that wants the
 * first few rows (ORDER BY key LIMIT n) reads, and under SSI marks, a few rows rather than a full
 * page, while a long scan reaches full pages after two small round trips.
 *
 * <p>Every row checks the transaction's {@link io.basalt.txn.Cancellation} (one volatile read), so a
 * cancelled statement stops within a row even inside an operator that consumes its input whole.
 */
final class TxnScanIterator implements Iterator<KeyValue> {
    static final int FIRST_PAGE = 16;

    private final TxnCoordinator txn;
    private final int partition;
    private final byte[] end;
    private final byte[][] resume = new byte[1][];
    private List<KeyValue> page = List.of();
    private int position;
    private int pageSize;

    TxnScanIterator(TxnCoordinator txn, int partition, byte[] start, byte[] end) {
        this.txn = txn;
        this.partition = partition;
        this.end = end;
        this.resume[0] = start;
        this.pageSize = Math.min(FIRST_PAGE, txn.scanPageSize());
    }

    @Override
    public boolean hasNext() {
        txn.cancellation().check();
        while (position == page.size()) {
            if (resume[0] == null) {
                return false;
            }
            page = txn.scanPage(partition, resume[0], end, pageSize, resume);
            position = 0;
            pageSize = Math.min(pageSize * 4, txn.scanPageSize());
        }
        return true;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(position++);
    }
}
