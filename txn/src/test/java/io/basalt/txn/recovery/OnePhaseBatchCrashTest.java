package io.basalt.txn.recovery;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.txn.CoordinatorCrash;
import io.basalt.txn.FaultPoint;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process dies around a one-phase commit in one batch. The "crash" is a copy of the store's
 * files taken while it is open (what a power cut leaves, give or take unsynced page cache), opened
 * as a node opens a store after a crash: recovery first. Before the batch nothing of the
 * transaction exists; after it, the transaction is committed, with nothing left to resolve.
 */
class OnePhaseBatchCrashTest {

    @Test
    void crashBeforeTheBatchLeavesNothing(@TempDir Path dir, @TempDir Path image) {
        try (TxnTestbed db = TxnTestbed.persistent(dir, 4)) {
            db.write(key(1, "a"), "before");
            db.manager.setFaultInjector((at, txnId) -> {
                if (at == FaultPoint.BEFORE_FIRST_WRITE) {
                    throw new CoordinatorCrash(at);
                }
            });
            Transaction dying = db.begin();
            dying.put(key(1, "a"), value("dying"));
            dying.put(key(1, "b"), value("dying"));
            assertThatThrownBy(dying::commit).isInstanceOf(CoordinatorCrash.class);
            copy(dir, image);
        }
        try (TxnTestbed restarted = TxnTestbed.persistent(image, 4)) {
            assertThat(restarted.read(key(1, "a"))).isEqualTo("before");
            assertThat(restarted.read(key(1, "b"))).isNull();
            assertNothingToResolve(restarted);
        }
    }

    @Test
    void crashAfterTheBatchKeepsTheWholeTransaction(@TempDir Path dir, @TempDir Path image) {
        try (TxnTestbed db = TxnTestbed.persistent(dir, 4)) {
            db.write(key(1, "a"), "before");
            Transaction txn = db.begin();
            txn.put(key(1, "a"), value("after"));
            txn.put(key(1, "b"), value("after"));
            txn.commit();
            assertThat(db.manager.stats().onePhaseBatchCommits()).isEqualTo(2);
            copy(dir, image); // the coordinator has its answer; the process dies now
        }
        try (TxnTestbed restarted = TxnTestbed.persistent(image, 4)) {
            assertThat(restarted.read(key(1, "a"))).isEqualTo("after");
            assertThat(restarted.read(key(1, "b"))).isEqualTo("after");
            assertNothingToResolve(restarted);
        }
    }

    private static void assertNothingToResolve(TxnTestbed db) {
        for (ColumnFamily family : new ColumnFamily[] {ColumnFamily.INTENTS, ColumnFamily.TXNS}) {
            try (EngineIterator it = db.engine.newIterator(family, null)) {
                it.seek(new byte[0]);
                assertThat(it.isValid()).as("anything in " + family).isFalse();
            }
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
