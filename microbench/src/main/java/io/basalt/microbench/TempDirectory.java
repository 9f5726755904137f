package io.basalt.microbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch directory for one benchmark trial. It lives under {@code java.io.tmpdir}, which on the
 * CI and developer machines is the same disk as the checkout, so fsync figures describe that disk.
 * Trials must delete it in their {@code @TearDown}: a killed run leaves RocksDB WAL files behind.
 */
final class TempDirectory {
    private TempDirectory() {
    }

    static Path create(String purpose) {
        try {
            return Files.createTempDirectory("basalt-jmh-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything below it; a null or missing directory is fine. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
