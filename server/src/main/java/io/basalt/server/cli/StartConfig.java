package io.basalt.server.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * {@code basalt start --config FILE}: a file of {@code name = value} lines (Java properties syntax:
 * {@code #} comments, blank lines) whose names are {@code basalt start}'s long options without the
 * dashes, for example {@code port = 5470} and {@code data-dir = /var/lib/basalt}.
 *
 * <p>How it merges: the file's settings become {@code --name=value} arguments placed before the
 * command line's, and picocli parses the lot with overwriting allowed, so the later (command-line) value
 * wins and both go through the same converters. The file alone is parsed first, so that a bad value in
 * it is reported as the file's. An unknown name is an error rather than ignored: a misspelt
 * {@code max-conections} silently falling back to the default is the failure this prevents.
 */
final class StartConfig {
    /** A file that cannot be read or holds a bad setting; its message is the one line to print. */
    static final class BadConfig extends Exception {
        private static final long serialVersionUID = 1L;

        BadConfig(String message) {
            super(message);
        }
    }

    private StartConfig() {
    }

    static StartCommand merge(Path file, List<String> commandLine) throws BadConfig {
        List<String> fromFile = arguments(file);
        parse(fromFile, file + ": ");
        List<String> all = new ArrayList<>(fromFile);
        all.addAll(commandLine);
        return parse(all, "");
    }

    private static List<String> arguments(Path file) throws BadConfig {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadConfig("cannot read the config file " + file + ": " + e.getMessage());
        }
        Set<String> known = new TreeSet<>();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new StartCommand()).getCommandSpec().options()) {
            String name = option.longestName().replaceFirst("^--", "");
            if (!option.usageHelp() && !option.versionHelp() && !name.equals("config")) {
                known.add(name);
            }
        }
        List<String> arguments = new ArrayList<>();
        for (String name : new TreeSet<>(settings.stringPropertyNames())) {
            if (!known.contains(name)) {
                throw new BadConfig(file + ": unknown setting '" + name + "' (known: " + String.join(", ", known) + ")");
            }
            arguments.add("--" + name + "=" + settings.getProperty(name).trim());
        }
        return arguments;
    }

    private static StartCommand parse(List<String> arguments, String where) throws BadConfig {
        StartCommand command = new StartCommand();
        CommandLine line = new CommandLine(command).setOverwrittenOptionsAllowed(true);
        try {
            line.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadConfig(where + e.getMessage());
        }
        command.spec = line.getCommandSpec();
        return command;
    }
}
