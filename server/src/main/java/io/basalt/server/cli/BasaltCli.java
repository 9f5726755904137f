package io.basalt.server.cli;

import io.basalt.bench.tpcc.TpccCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code basalt} command. Subcommands are the jobs this release can do: the node process
 * ({@code start}), the SQL shell ({@code sql}), the demo and the TPC-C-like benchmark
 * ({@code tpcc}, from the benchmarks module, which talks JDBC only).
 */
@Command(name = "basalt",
        mixinStandardHelpOptions = true,
        versionProvider = BasaltCli.Version.class,
        description = "Basalt, a distributed SQL database.",
        subcommands = {StartCommand.class, DemoCommand.class, SqlCommand.class, TpccCommand.class,
                CommandLine.HelpCommand.class})
public final class BasaltCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before any logger exists: the CLI's own output is the point, library chatter is not.
        if (System.getProperty("basalt.log.level") == null) {
            System.setProperty("basalt.log.level", "WARN");
        }
        int exitCode = commandLine().execute(args);
        System.exit(exitCode);
    }

    /**
     * The command line with Basalt's handling of bad arguments: one line naming the problem, then exit
     * code 2; no usage page (it hides the line that matters) and never a stack trace.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new BasaltCli()).setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandName();
            String prefix = command.equals("basalt") ? "basalt: " : "basalt " + command + ": ";
            e.getCommandLine().getErr().println(prefix + e.getMessage() + " (see " + prefix.replace(": ", "")
                    + " --help)");
            return 2;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BasaltCli.class.getPackage().getImplementationVersion();
            return new String[] {"Basalt " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }
}
