package io.basalt.server.golden;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical text of a result value in a golden file, and the type letter of a result column.
 * One value has exactly one text, so an expected row can be compared with an actual one as a
 * string. The rules (repeated in {@code golden/README.md}):
 * <ul>
 *   <li>SQL NULL is {@code NULL}; the empty string is {@code (empty)}.</li>
 *   <li>Integers are their digits. DECIMAL is {@link BigDecimal#toPlainString()}, so its scale
 *       shows ({@code 2.50} for DECIMAL(5,2)), as in PostgreSQL's output.</li>
 *   <li>DOUBLE and REAL are the shortest decimal that reads back as the same value, without a
 *       trailing {@code .0}: {@code 1}, {@code 0.1}, {@code 0.30000000000000004}; in scientific
 *       notation ({@code 1E+20}) outside 1e-6 &lt;= |x| &lt; 1e15; {@code NaN}, {@code Infinity}.</li>
 *   <li>Booleans are {@code true} and {@code false}.</li>
 *   <li>DATE {@code 2024-01-31}, TIME {@code 10:15:00.5}, TIMESTAMP {@code 2024-01-31T10:15:00.5}
 *       (ISO 8601; seconds always shown, fraction without trailing zeros).</li>
 *   <li>Text is written as it is, unless it holds a blank or control character, begins with a
 *       quote, or reads {@code NULL} or {@code (empty)}: then it is quoted as an SQL literal
 *       ({@code 'Human resources'}, {@code 'ab '}, {@code 'it''s'}), with {@code \n}, {@code \t},
 *       {@code \r} and {@code \\} escapes inside the quotes. So values in a row are separated by
 *       one space and a trailing blank of a CHAR value is visible.</li>
 * </ul>
 */
final class ValueText {
    static final String NULL = "NULL";
    static final String EMPTY = "(empty)";

    private ValueText() {
    }

    static String of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double d) {
            return floating(d, Double.toString(d));
        }
        if (value instanceof Float f) {
            return floating(f, Float.toString(f));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toLocalDate() + "T" + time(timestamp.toLocalTime());
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        // A class the runner does not expect: make it visible rather than guess a format.
        return value.getClass().getSimpleName() + ":" + text(value.toString());
    }

    /**
     * The letter for a JDBC column type: I integer, R DECIMAL or floating point, T text,
     * B boolean, D date/time; {@code ?} for anything else, which no golden file may declare.
     */
    static char typeLetter(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> 'I';
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> 'R';
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> 'T';
            case Types.BOOLEAN, Types.BIT -> 'B';
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE,
                    Types.TIMESTAMP_WITH_TIMEZONE -> 'D';
            default -> '?';
        };
    }

    /**
     * Splits a row of canonical values at the single spaces between them, keeping quoted text
     * whole. Used to check that an expected row has as many values as the query has columns.
     */
    static List<String> split(String row) {
        List<String> values = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '\'' && i + 1 < row.length() && row.charAt(i + 1) == '\'') {
                    i++; // a doubled quote inside the literal
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'' && i == start) {
                quoted = true;
            } else if (c == ' ') {
                values.add(row.substring(start, i));
                start = i + 1;
            }
        }
        values.add(row.substring(start));
        return values;
    }

    private static String text(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (!needsQuotes(text)) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> quoted.append("''");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }

    private static boolean needsQuotes(String text) {
        if (text.equals(NULL) || text.equals(EMPTY) || text.charAt(0) == '\'') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static String floating(double value, String javaText) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return javaText;
        }
        if (value == 0) {
            return javaText.startsWith("-") ? "-0" : "0";
        }
        // Java's toString already has the shortest digits that read back as the same value.
        BigDecimal exact = new BigDecimal(javaText).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-6 && magnitude < 1e15 ? exact.toPlainString() : exact.toString();
    }

    private static String time(LocalTime time) {
        String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return text;
        }
        String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
        return text + "." + fraction;
    }
}
