package io.basalt.server.isolation;

import static io.basalt.server.isolation.Anomaly.Expectation.ALLOWED;
import static io.basalt.server.isolation.Anomaly.Expectation.PREVENTED;

import java.util.EnumMap;
import java.util.Map;

/**
 * The anomalies of Adya's thesis and of Hermitage that the isolation tests reproduce, with the
 * table of expected outcomes from ARCHITECTURE.md section 3: which level must prevent which
 * anomaly. Each anomaly has one test class named after its code ({@code G0DirtyWriteTest}, ...),
 * which runs at every {@link Level} and asserts {@link #expectedAt} for it.
 *
 * <p>PREVENTED means the anomaly never shows in committed data or in values read: the level
 * either aborts a transaction (40001 serialization failure, 40P01 deadlock victim) or makes a
 * statement wait. ALLOWED means the level does not promise to prevent it; the test then asserts
 * the weaker outcome the level does define (for example that READ COMMITTED sees the newer value
 * in a read skew), so the test also documents the behaviour.
 */
public enum Anomaly {
    //                                                           READ_COMMITTED SNAPSHOT   SSI        TWO_PL
    G0("G0", "dirty write (write cycle)",                        PREVENTED,     PREVENTED, PREVENTED, PREVENTED),
    G1A("G1a", "aborted read",                                   PREVENTED,     PREVENTED, PREVENTED, PREVENTED),
    G1B("G1b", "intermediate read",                              PREVENTED,     PREVENTED, PREVENTED, PREVENTED),
    G1C("G1c", "circular information flow",                      PREVENTED,     PREVENTED, PREVENTED, PREVENTED),
    OTV("OTV", "observed transaction vanishes",                  ALLOWED,       PREVENTED, PREVENTED, PREVENTED),
    PMP("PMP", "predicate many preceders",                       ALLOWED,       PREVENTED, PREVENTED, PREVENTED),
    PMP_WRITE("PMP", "predicate many preceders (write predicate)", ALLOWED,     PREVENTED, PREVENTED, PREVENTED),
    P4("P4", "lost update",                                      ALLOWED,       PREVENTED, PREVENTED, PREVENTED),
    G_SINGLE("G-single", "read skew",                            ALLOWED,       PREVENTED, PREVENTED, PREVENTED),
    G_SINGLE_WRITE("G-single", "read skew (write predicate)",    ALLOWED,       PREVENTED, PREVENTED, PREVENTED),
    G2_ITEM("G2-item", "write skew",                             ALLOWED,       ALLOWED,   PREVENTED, PREVENTED),
    G2("G2", "anti-dependency cycles (predicates)",              ALLOWED,       ALLOWED,   PREVENTED, PREVENTED);

    /** What a level promises about an anomaly. */
    public enum Expectation { PREVENTED, ALLOWED }

    private final String code;
    private final String description;
    private final Map<Level, Expectation> expectations = new EnumMap<>(Level.class);

    Anomaly(String code, String description, Expectation readCommitted, Expectation snapshot, Expectation ssi,
            Expectation twoPhaseLocking) {
        this.code = code;
        this.description = description;
        expectations.put(Level.READ_COMMITTED, readCommitted);
        expectations.put(Level.SNAPSHOT, snapshot);
        expectations.put(Level.SSI, ssi);
        expectations.put(Level.TWO_PL, twoPhaseLocking);
    }

    public Expectation expectedAt(Level level) {
        return expectations.get(level);
    }

    public boolean isPreventedAt(Level level) {
        return expectedAt(level) == PREVENTED;
    }

    @Override
    public String toString() {
        return code + " (" + description + ")";
    }
}
