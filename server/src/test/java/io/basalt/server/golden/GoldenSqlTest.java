package io.basalt.server.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The SQL golden files in {@code src/test/resources/golden/*.sql}, one dynamic test per file, each
 * against its own fresh in-memory database. Expected results are PostgreSQL's. The format is
 * described in {@code golden/README.md}; the runner is {@link GoldenRunner}.
 */
class GoldenSqlTest {

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException, URISyntaxException {
        List<Path> files = goldenFilesIn("/golden");
        assertThat(files).as("golden files on the test class path").isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> GoldenRunner.assertFilePasses(file)));
    }

    private static List<Path> goldenFilesIn(String resourceDirectory) throws IOException, URISyntaxException {
        URL directory = GoldenSqlTest.class.getResource(resourceDirectory);
        assertThat(directory).as("resource directory %s", resourceDirectory).isNotNull();
        try (Stream<Path> paths = Files.list(Path.of(directory.toURI()))) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }
}
