package io.basalt.txn.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.Async;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link PendingCommits}: readers wait for a one-batch commit of their key or range, and only for that. */
class PendingCommitsTest {
    private final PendingCommits pending = new PendingCommits();

    private static byte[] k(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readerOfAPendingKeyWaitsUntilTheBatchIsVisible() {
        List<byte[]> keys = List.of(k("b"), k("d"));
        CompletableFuture<Void> done = pending.register(keys);
        CompletableFuture<Void> reader = Async.run(() -> pending.awaitKey(k("d")));
        Async.assertBlocked(reader);
        pending.finish(keys, done);
        Async.result(reader);
        assertThat(pending.size()).isZero();
    }

    @Test
    void scanOverAPendingKeyWaitsAndScansBesideItDoNot() {
        List<byte[]> keys = List.of(k("m"));
        CompletableFuture<Void> done = pending.register(keys);
        pending.awaitRange(k("a"), k("m")); // end is exclusive
        pending.awaitRange(k("n"), null);
        pending.awaitKey(k("l"));
        CompletableFuture<Void> scan = Async.run(() -> pending.awaitRange(k("a"), null));
        CompletableFuture<Void> fromStart = Async.run(() -> pending.awaitRange(null, k("z")));
        Async.assertBlocked(scan);
        pending.finish(keys, done);
        Async.result(scan);
        Async.result(fromStart);
    }

    @Test
    void keysUnsignedOrderMatchesTheEngine() {
        byte[] high = {(byte) 0x90};
        CompletableFuture<Void> done = pending.register(List.of(high));
        pending.awaitRange(new byte[] {0x10}, new byte[] {0x7f}); // 0x90 sorts above 0x7f unsigned
        CompletableFuture<Void> scan = Async.run(() -> pending.awaitRange(new byte[] {0x10}, new byte[] {(byte) 0xa0}));
        Async.assertBlocked(scan);
        pending.finish(List.of(high), done);
        Async.result(scan);
    }
}
