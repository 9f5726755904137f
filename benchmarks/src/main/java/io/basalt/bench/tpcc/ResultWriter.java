package io.basalt.bench.tpcc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a run's JSON result file and HTML chart into a directory, named by the local time the
 * files were written ({@code tpcc-20260126-141503.json}), so runs collect side by side.
 */
final class ResultWriter {
    /** Where both files went. */
    record Written(Path json, Path html) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Written write(RunResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = "tpcc-" + LocalDateTime.now().format(STAMP);
        Path jsonFile = unique(directory, base, ".json");
        Path htmlFile = directory.resolve(jsonFile.getFileName().toString().replace(".json", ".html"));
        json.writeValue(jsonFile.toFile(), result);
        Files.writeString(htmlFile, HtmlChart.render(result), StandardCharsets.UTF_8);
        return new Written(jsonFile, htmlFile);
    }

    RunResult read(Path file) throws IOException {
        return json.readValue(file.toFile(), RunResult.class);
    }

    /** Two runs in the same second (tests do that) get -2, -3, ... rather than overwrite each other. */
    private static Path unique(Path directory, String base, String extension) {
        Path file = directory.resolve(base + extension);
        for (int i = 2; Files.exists(file); i++) {
            file = directory.resolve(base + "-" + i + extension);
        }
        return file;
    }
}
