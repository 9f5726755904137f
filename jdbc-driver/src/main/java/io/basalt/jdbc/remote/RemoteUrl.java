package io.basalt.jdbc.remote;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.WireProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code jdbc:basalt://host[:port][,host2[:port2]...]/[database]} (the query was split off by the
 * driver). IPv6 hosts are written in brackets: {@code [::1]:5470}. The default port is 5470.
 */
record RemoteUrl(List<HostAndPort> hosts, String database) {
    static final String PREFIX = "jdbc:basalt://";

    record HostAndPort(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    static boolean accepts(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    static RemoteUrl parse(String url) {
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String hostList = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        if (hostList.isEmpty()) {
            throw malformed(url, "no host");
        }
        List<HostAndPort> hosts = new ArrayList<>();
        for (String part : hostList.split(",", -1)) {
            hosts.add(hostAndPort(url, part));
        }
        return new RemoteUrl(List.copyOf(hosts), database);
    }

    private static HostAndPort hostAndPort(String url, String part) {
        String host;
        String port = null;
        if (part.startsWith("[")) {
            int close = part.indexOf(']');
            if (close < 0) {
                throw malformed(url, "unclosed [ in a host");
            }
            host = part.substring(1, close);
            String after = part.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw malformed(url, "junk after ]");
                }
                port = after.substring(1);
            }
        } else {
            int colon = part.lastIndexOf(':');
            host = colon < 0 ? part : part.substring(0, colon);
            port = colon < 0 ? null : part.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw malformed(url, "empty host");
        }
        int number = WireProtocol.DEFAULT_PORT;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65535) {
                throw malformed(url, "bad port \"" + port + "\"");
            }
        }
        return new HostAndPort(host, number);
    }

    private static BasaltException malformed(String url, String why) {
        return new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "malformed URL " + url + ": " + why + " (expected jdbc:basalt://host[:port][,host2[:port2]...]/[database])");
    }
}
