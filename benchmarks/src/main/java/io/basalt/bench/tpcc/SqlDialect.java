package io.basalt.bench.tpcc;

import java.util.Locale;
import java.util.Set;

/**
 * Which flavour of SQL a database speaks, told from its JDBC URL. The workload's queries and
 * inserts are the same everywhere; only DDL differs (Basalt's {@code PARTITION BY HASH} and
 * {@code LOCAL} index) and which vendor SQLStates mean "try the transaction again".
 */
public enum SqlDialect {
    /** Basalt: warehouse tables partitioned by warehouse, a LOCAL customer-name index. */
    BASALT(Set.of()),
    /**
     * H2 reports lock timeouts as HYT00 and, under MVCC, a concurrent update of the same row as
     * 90131 (its own codes, not PostgreSQL's); both mean "another transaction got there first".
     */
    H2(Set.of("HYT00", "90131")),
    /** PostgreSQL already uses the standard codes (40001, 40P01, 55P03). */
    POSTGRESQL(Set.of());

    private final Set<String> vendorRetryableStates;

    SqlDialect(Set<String> vendorRetryableStates) {
        this.vendorRetryableStates = vendorRetryableStates;
    }

    public static SqlDialect fromUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:basalt:")) {
            return BASALT;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (expected jdbc:basalt:, jdbc:h2: or jdbc:postgresql:): "
                + url);
    }

    /** Whether DDL may carry Basalt's partitioning clauses. */
    public boolean partitions() {
        return this == BASALT;
    }

    /** SQLStates beyond the standard ones that this database uses for a conflict worth retrying. */
    public Set<String> vendorRetryableStates() {
        return vendorRetryableStates;
    }
}
