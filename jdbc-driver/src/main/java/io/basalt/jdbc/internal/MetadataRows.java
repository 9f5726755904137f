package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.ListRowCursor.column;

import io.basalt.common.client.ColumnMetadata;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows of the DatabaseMetaData result sets the driver can answer without asking the engine:
 * facts fixed by the SPI (its types) or by Basalt's design (one schema, no catalogs).
 */
final class MetadataRows {
    static final String SCHEMA = "PUBLIC";

    /**
     * Largest precisions, from the defaults of Calcite 1.41's type system ({@code RelDataTypeSystemImpl}):
     * DECIMAL 19 digits (scale up to 19), text and binary 65536, fractional seconds 3 digits. The sql
     * module may widen them; it must update these numbers when it does.
     */
    private static final int MAX_DECIMAL_PRECISION = 19;
    private static final int MAX_LENGTH = 65536;
    private static final int MAX_FRACTIONAL_SECONDS = 3;

    private MetadataRows() {
    }

    static ListRowCursor tableTypes() {
        return new ListRowCursor(List.of(column("TABLE_TYPE", Types.VARCHAR)), List.<Object[]>of(new Object[] {"TABLE"}));
    }

    static ListRowCursor catalogs() {
        return new ListRowCursor(List.of(column("TABLE_CAT", Types.VARCHAR)), List.of());
    }

    /**
     * The one schema, if it matches. A catalog of null or "" matches (schemas have no catalog); any
     * other catalog matches nothing.
     */
    static ListRowCursor schemas(String catalog, String schemaPattern) {
        List<ColumnMetadata> columns = List.of(column("TABLE_SCHEM", Types.VARCHAR), column("TABLE_CATALOG", Types.VARCHAR));
        boolean matches = (catalog == null || catalog.isEmpty())
                && (schemaPattern == null || likePattern(schemaPattern).matcher(SCHEMA).matches());
        return new ListRowCursor(columns, matches ? List.<Object[]>of(new Object[] {SCHEMA, null}) : List.of());
    }

    /** A metadata search pattern: {@code %} any text, {@code _} one character, {@code \} escapes. */
    static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** One row per SQL type in the SPI (see io.basalt.common.client's package documentation), by DATA_TYPE. */
    static ListRowCursor typeInfo() {
        List<ColumnMetadata> columns = List.of(
                column("TYPE_NAME", Types.VARCHAR), column("DATA_TYPE", Types.INTEGER),
                column("PRECISION", Types.INTEGER), column("LITERAL_PREFIX", Types.VARCHAR),
                column("LITERAL_SUFFIX", Types.VARCHAR), column("CREATE_PARAMS", Types.VARCHAR),
                column("NULLABLE", Types.SMALLINT), column("CASE_SENSITIVE", Types.BOOLEAN),
                column("SEARCHABLE", Types.SMALLINT), column("UNSIGNED_ATTRIBUTE", Types.BOOLEAN),
                column("FIXED_PREC_SCALE", Types.BOOLEAN), column("AUTO_INCREMENT", Types.BOOLEAN),
                column("LOCAL_TYPE_NAME", Types.VARCHAR), column("MINIMUM_SCALE", Types.SMALLINT),
                column("MAXIMUM_SCALE", Types.SMALLINT), column("SQL_DATA_TYPE", Types.INTEGER),
                column("SQL_DATETIME_SUB", Types.INTEGER), column("NUM_PREC_RADIX", Types.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        rows.add(type("BOOLEAN", Types.BOOLEAN, 1, null, null, null, 0));
        rows.add(type("SMALLINT", Types.SMALLINT, 5, null, null, null, 0));
        rows.add(type("INTEGER", Types.INTEGER, 10, null, null, null, 0));
        rows.add(type("BIGINT", Types.BIGINT, 19, null, null, null, 0));
        rows.add(type("DECIMAL", Types.DECIMAL, MAX_DECIMAL_PRECISION, null, null, "precision,scale", MAX_DECIMAL_PRECISION));
        rows.add(type("NUMERIC", Types.NUMERIC, MAX_DECIMAL_PRECISION, null, null, "precision,scale", MAX_DECIMAL_PRECISION));
        rows.add(type("REAL", Types.REAL, 7, null, null, null, 0));
        rows.add(type("DOUBLE", Types.DOUBLE, 15, null, null, null, 0));
        rows.add(type("FLOAT", Types.FLOAT, 15, null, null, null, 0));
        rows.add(type("CHAR", Types.CHAR, MAX_LENGTH, "'", "'", "length", 0));
        rows.add(type("VARCHAR", Types.VARCHAR, MAX_LENGTH, "'", "'", "length", 0));
        // Datetime precision is the length of the longest text: yyyy-MM-dd, HH:mm:ss.SSS.
        rows.add(type("DATE", Types.DATE, 10, "DATE '", "'", null, 0));
        rows.add(type("TIME", Types.TIME, 9 + MAX_FRACTIONAL_SECONDS, "TIME '", "'", "precision", MAX_FRACTIONAL_SECONDS));
        rows.add(type("TIMESTAMP", Types.TIMESTAMP, 20 + MAX_FRACTIONAL_SECONDS, "TIMESTAMP '", "'", "precision",
                MAX_FRACTIONAL_SECONDS));
        rows.add(type("VARBINARY", Types.VARBINARY, MAX_LENGTH, "X'", "'", "length", 0));
        rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
        return new ListRowCursor(columns, rows);
    }

    private static Object[] type(String name, int jdbcType, int precision, String prefix, String suffix,
            String createParams, int maxScale) {
        boolean numeric = JdbcTypes.isSigned(jdbcType);
        boolean text = JdbcTypes.isText(jdbcType);
        return new Object[] {
            name, jdbcType, precision, prefix, suffix, createParams,
            (short) DatabaseMetaData.typeNullable,
            text,
            (short) (text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic),
            false, false, false,
            name,
            (short) 0, (short) maxScale,
            null, null,
            numeric ? 10 : null,
        };
    }
}
