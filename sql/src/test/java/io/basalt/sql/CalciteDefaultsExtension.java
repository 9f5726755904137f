package io.basalt.sql;

import io.basalt.sql.type.CalciteDefaults;
import org.junit.jupiter.api.extension.Extension;

/**
 * Applies {@link CalciteDefaults} before any test of this module runs, as {@code SqlEngine} does
 * in a server. Tests that parse SQL without an engine would otherwise initialise Calcite first,
 * and which default character set the rest of the run gets would depend on the order of the
 * test classes. Registered through {@code META-INF/services} and
 * {@code junit.jupiter.extensions.autodetection.enabled} in {@code junit-platform.properties}.
 */
public final class CalciteDefaultsExtension implements Extension {
    static {
        CalciteDefaults.useUtf8();
    }
}
