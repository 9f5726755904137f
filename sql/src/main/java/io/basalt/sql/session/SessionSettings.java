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
    /** {@code serializable}: which protocol SERIALIZABLE uses; stored now, enforced with the isolation levels. */
    static final String SERIALIZABLE = "serializable";
    static final String APPLICATION_NAME = "application_name";

    private static final Map<String, String> DEFAULTS = Map.of(SERIALIZABLE, "ssi", APPLICATION_NAME, "");
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
        values.put(key, normalised);
    }

    void reset(String name) {
        String key = normalise(name);
        values.put(key, DEFAULTS.get(key));
    }

    String get(String name) {
        return values.get(normalise(name));
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
