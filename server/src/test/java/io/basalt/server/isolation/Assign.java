package io.basalt.server.isolation;

import java.util.function.IntUnaryOperator;

/** The SET clause of an UPDATE of Hermitage's table, as SQL and as a function for the serial-order model. */
public record Assign(String sql, IntUnaryOperator apply) {

    public static Assign to(int value) {
        return new Assign("\"value\" = " + value, old -> value);
    }

    /** {@code value = value + delta}: the increment reads the row it updates, inside the statement. */
    public static Assign plus(int delta) {
        return new Assign("\"value\" = \"value\" + " + delta, old -> old + delta);
    }
}
