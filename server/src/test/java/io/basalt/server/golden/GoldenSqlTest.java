package io.basalt.server.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The SQL golden files in {@code src/test/resources/golden/*.sql}, one dynamic test per file, each
 * against its own fresh in-memory database. Expected results are PostgreSQL's. The format is
 * described in {@code golden/README.md}; the runner is {@link GoldenRunner}.
 *
 * <p>{@code golden-gaps/*.sql} holds records Basalt does not pass yet, in the same format. They
 * run only with {@code -Dgolden.gaps=true}, and then fail with the list of what is left to fix.
 */
class GoldenSqlTest {
    /**
     * A file takes well under 2 s even on a busy 2-core machine; this only keeps a statement
     * stuck behind a row lock (Basalt ignores {@code setQueryTimeout}) from hanging the build.
     */
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException, URISyntaxException {
        return dynamicTests("/golden");
    }

    @TestFactory
    @EnabledIfSystemProperty(named = "golden.gaps", matches = "true")
    Stream<DynamicTest> knownGaps() throws IOException, URISyntaxException {
        return dynamicTests("/golden-gaps");
    }

    private static Stream<DynamicTest> dynamicTests(String resourceDirectory) throws IOException, URISyntaxException {
        List<Path> files = goldenFilesIn(resourceDirectory);
        assertThat(files).as("golden files in %s on the test class path", resourceDirectory).isNotEmpty();
        String folder = resourceDirectory.substring(1) + "/";
        return files.stream().map(file -> DynamicTest.dynamicTest(folder + file.getFileName(), file.toUri(),
                () -> assertTimeoutPreemptively(FILE_TIMEOUT, () -> GoldenRunner.assertFilePasses(file),
                        () -> folder + file.getFileName() + " did not finish; is a statement waiting for a lock?")));
    }

    private static List<Path> goldenFilesIn(String resourceDirectory) throws IOException, URISyntaxException {
        URL directory = GoldenSqlTest.class.getResource(resourceDirectory);
        assertThat(directory).as("resource directory %s", resourceDirectory).isNotNull();
        try (Stream<Path> paths = Files.list(Path.of(directory.toURI()))) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }
}
