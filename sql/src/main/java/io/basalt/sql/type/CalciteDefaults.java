package io.basalt.sql.type;

/**
 * Makes UTF-8 Calcite's default character set, so that text types and literals print without a
 * character set ({@code 'bob'} rather than {@code _UTF-8'bob'} in EXPLAIN and in key access
 * descriptions). Calcite reads these system properties once, when its classes initialise, so
 * this must run before any of them does: {@code SqlEngine} calls it as it loads. A value the
 * operator set (with {@code -D}) is left alone.
 *
 * <p>Correctness does not depend on it: the planner's type factory makes text UTF-8 whatever
 * Calcite's default ({@code BasaltTypeFactory}); only how literals print does.
 */
public final class CalciteDefaults {
    private CalciteDefaults() {
    }

    public static void useUtf8() {
        setIfAbsent("calcite.default.charset", "UTF-8");
        setIfAbsent("calcite.default.nationalcharset", "UTF-8");
        setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
