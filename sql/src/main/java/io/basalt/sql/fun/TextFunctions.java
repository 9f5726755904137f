package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.type.TextInput;
import org.apache.calcite.linq4j.function.Strict;

/**
 * Text operations as PostgreSQL does them, where Calcite's differ: positions and lengths count
 * characters (code points, like {@code CHAR_LENGTH} and the limit of VARCHAR(n)), not UTF-16
 * units; text becomes BOOLEAN, DATE, TIME or TIMESTAMP by PostgreSQL's rules ({@link TextInput}).
 * Called from generated code (see {@link PostgresSemantics}).
 */
public final class TextFunctions {
    private TextFunctions() {
    }

    /**
     * {@code SUBSTRING(text FROM start FOR length)}: the characters at positions {@code start} to
     * {@code start + length - 1} that exist (positions count from 1, and may start before it).
     * A negative length is an error (22011).
     */
    @Strict
    public static String substring(String text, long start, long length) {
        if (length < 0) {
            throw new BasaltException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long end;
        try {
            end = Math.addExact(start, length);
        } catch (ArithmeticException e) {
            end = Long.MAX_VALUE;
        }
        return characters(text, start, end);
    }

    /** {@code SUBSTRING(text FROM start)}: from position {@code start} to the end. */
    @Strict
    public static String substring(String text, long start) {
        return characters(text, start, Long.MAX_VALUE);
    }

    /** {@code CAST(text AS BOOLEAN)}: see {@link TextInput#toBoolean}. */
    @Strict
    public static boolean toBoolean(String text) {
        return TextInput.toBoolean(text);
    }

    /** {@code CAST(boolean AS VARCHAR)}: PostgreSQL writes {@code true} and {@code false} in lower case. */
    @Strict
    public static String booleanText(boolean value) {
        return value ? "true" : "false";
    }

    @Strict
    public static int toDate(String text) {
        return TextInput.toDate(text);
    }

    @Strict
    public static int toTime(String text) {
        return TextInput.toTime(text);
    }

    @Strict
    public static long toTimestamp(String text) {
        return TextInput.toTimestamp(text);
    }

    /** {@code OCTET_LENGTH}: the length in bytes of the text in UTF-8, Basalt's encoding. */
    @Strict
    public static int octetLength(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /**
     * {@code text LIKE pattern} as PostgreSQL matches it: {@code %} any run of characters,
     * {@code _} one character, and backslash, the default escape character, makes the character
     * after it stand for itself ({@code 'a\%c'} matches only {@code a%c}). A pattern that ends
     * with the escape character is an error (22025). Calcite's LIKE has no default escape.
     */
    @Strict
    public static boolean like(String text, String pattern) {
        int t = 0;
        int p = 0;
        // Where to resume after the last %: its position in the pattern and the text position it had reached.
        int starPattern = -1;
        int starText = 0;
        while (t < text.length()) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '%') {
                    starPattern = ++p;
                    starText = t;
                    continue;
                }
                if (c == '_') {
                    t += Character.charCount(text.codePointAt(t));
                    p++;
                    continue;
                }
                int literal = p;
                if (c == '\\') {
                    literal = p + 1;
                    if (literal == pattern.length()) {
                        throw likeEndsWithEscape();
                    }
                }
                int expected = pattern.codePointAt(literal);
                if (text.codePointAt(t) == expected) {
                    t += Character.charCount(expected);
                    p = literal + Character.charCount(expected);
                    continue;
                }
            }
            if (starPattern < 0) {
                return false;
            }
            // Let the last % take one more character and try again from there.
            starText += Character.charCount(text.codePointAt(starText));
            t = starText;
            p = starPattern;
        }
        while (p < pattern.length() && pattern.charAt(p) == '%') {
            p++;
        }
        if (p == pattern.length() - 1 && pattern.charAt(p) == '\\') {
            throw likeEndsWithEscape();
        }
        return p == pattern.length();
    }

    private static BasaltException likeEndsWithEscape() {
        return new BasaltException(SqlState.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
    }

    /** The characters at positions {@code from} (inclusive) to {@code to} (exclusive), 1-based, clipped to the text. */
    private static String characters(String text, long from, long to) {
        int count = text.codePointCount(0, text.length());
        long first = Math.max(from, 1);
        long end = Math.min(to, count + 1L);
        if (end <= first) {
            return "";
        }
        int begin = text.offsetByCodePoints(0, (int) (first - 1));
        return text.substring(begin, text.offsetByCodePoints(begin, (int) (end - first)));
    }
}
