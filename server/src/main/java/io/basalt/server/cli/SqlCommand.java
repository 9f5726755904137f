package io.basalt.server.cli;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/** {@code basalt sql [url]}: an interactive SQL shell (sqlline) on Basalt's JDBC driver. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Open a SQL shell on a Basalt database (sqlline with Basalt's JDBC driver).")
final class SqlCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "jdbc:basalt:file:basalt-data",
            description = "JDBC URL (default: ${DEFAULT-VALUE}, a database in ./basalt-data).")
    String url;

    @Option(names = "-e", description = "Run this SQL and exit.")
    String execute;

    @Option(names = "-f", description = "Run the SQL script in this file and exit.")
    String file;

    @Override
    public Integer call() throws IOException {
        return runShell(url, execute, file);
    }

    static int runShell(String url, String execute, String file) throws IOException {
        // sqlline passes -n/-p as connection properties, which win over the URL's query: pass the
        // URL's own user and password (remote URLs) so that they are not overridden by empty ones.
        String user = queryParameter(url, "user");
        String password = queryParameter(url, "password");
        List<String> args = new ArrayList<>(List.of("-u", url, "-n", user, "-p", password, "-d", "io.basalt.jdbc.BasaltDriver",
                "--fastConnect=true", "--showWarnings=false", "--isolation=TRANSACTION_REPEATABLE_READ"));
        if (execute != null) {
            args.addAll(List.of("-e", execute));
        }
        if (file != null) {
            args.addAll(List.of("-f", file));
        }
        SqlLine.Status status = new SqlLine().begin(args.toArray(String[]::new), System.in, false);
        return status == SqlLine.Status.OK ? 0 : 1;
    }

    /** A parameter of the URL's {@code ?key=value&...} query, decoded, or "" when absent. */
    static String queryParameter(String url, String name) {
        int mark = url.indexOf('?');
        if (mark < 0) {
            return "";
        }
        for (String pair : url.substring(mark + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
