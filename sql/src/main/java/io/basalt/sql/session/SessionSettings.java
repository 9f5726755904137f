package io.basalt.sql.session;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The run-time parameters a session can SET and SHOW. Unknown names are refused (42704), as
 * PostgreSQL does, so a typo never passes silently.
 */
final class SessionSettings {
    /** {@code serializable}: which protocol SERIALIZABLE uses, {@code ssi} (the default) or {@code 2pl}. */
    static final String SERIALIZABLE = "serializable";
    static final String APPLICATION_NAME = "application_name";
    /** How long a statement waits for a row lock before 55P03; 0 waits as long as it takes (PostgreSQL's default). */
    static final String LOCK_TIMEOUT = "lock_timeout";

    private static final Map<String, String> DEFAULTS = Map.of(SERIALIZABLE, "ssi", APPLICATION_NAME, "", LOCK_TIMEOUT, "0");
    private static final Map<String, Set<String>> ALLOWED = Map.of(SERIALIZABLE, Set.of("ssi", "2pl"));

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    void set(String name, String value) {
        String key = normalise(name);
        Set<String> allowed = ALLOWED.get(key);
        String normalised = allowed == null ? value : value.toLowerCase(Locale.ROOT);
        if (allowed != null && !allowed.contains(normalised)) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + key + "\": \"" + value + "\" (allowed: " + allowed + ")");
        }
        if (key.equals(LOCK_TIMEOUT)) {
            millis(value); // validates
        }
        values.put(key, normalised);
    }

    void reset(String name) {
        String key = normalise(name);
        values.put(key, DEFAULTS.get(key));
    }

    String get(String name) {
        return values.get(normalise(name));
    }

    /** The lock timeout in milliseconds. */
    long lockTimeoutMillis() {
        return millis(values.get(LOCK_TIMEOUT));
    }

    /** A duration as PostgreSQL writes them: a number of milliseconds, or with a unit (ms, s, min). */
    private static long millis(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        String number = trimmed;
        if (trimmed.endsWith("ms")) {
            number = trimmed.substring(0, trimmed.length() - 2);
        } else if (trimmed.endsWith("min")) {
            number = trimmed.substring(0, trimmed.length() - 3);
            factor = 60_000;
        } else if (trimmed.endsWith("s")) {
            number = trimmed.substring(0, trimmed.length() - 1);
            factor = 1_000;
        }
        try {
            long value = Long.parseLong(number.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(value, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"lock_timeout\": \"" + text + "\" (a duration such as 500, 500ms, 5s or 1min)");
        }
    }

    Map<String, String> all() {
        return Map.copyOf(values);
    }

    private static String normalise(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            throw new BasaltException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return key;
    }
}
