package io.basalt.server.isolation;

import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * A WHERE clause over Hermitage's table {@code test (id, value)}, as SQL for the engine and as a
 * predicate on {@code (id, value)} for the serial-order model ({@link Hermitage#assertSerializable}).
 *
 * @param sql the condition, or null for every row
 */
public record Where(String sql, BiPredicate<Integer, Integer> matches) {

    public static Where all() {
        return new Where(null, (id, value) -> true);
    }

    public static Where id(int id) {
        return new Where("id = " + id, (rowId, value) -> rowId == id);
    }

    public static Where idIn(int... ids) {
        String list = Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return new Where("id IN (" + list + ")", (rowId, value) -> Arrays.stream(ids).anyMatch(id -> id == rowId));
    }

    public static Where valueIs(int expected) {
        return new Where("\"value\" = " + expected, (id, value) -> value == expected);
    }

    public static Where valueBetween(int low, int high) {
        return new Where("\"value\" BETWEEN " + low + " AND " + high, (id, value) -> value >= low && value <= high);
    }

    /** Hermitage's {@code value % n = 0}: a predicate no key range can answer, so it scans the table. */
    public static Where valueDivisibleBy(int divisor) {
        return new Where("\"value\" % " + divisor + " = 0", (id, value) -> value % divisor == 0);
    }

    String clause() {
        return sql == null ? "" : " WHERE " + sql;
    }
}
