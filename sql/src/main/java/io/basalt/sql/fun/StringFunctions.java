package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import org.apache.calcite.linq4j.function.Strict;

/**
 * PostgreSQL's text functions that Calcite lacks or implements differently: Calcite's LEFT and
 * RIGHT give '' for a negative count (PostgreSQL drops that many characters from the other end),
 * its LPAD and RPAD refuse a negative length or an empty fill (PostgreSQL gives '' and the text),
 * its LTRIM and RTRIM take no set of characters, SPLIT_PART accepts field 0, CHR accepts 0 and
 * fails inside generated code for a negative number, and POSITION counts UTF-16 units. Here every
 * position and length counts characters (code points), like {@code CHAR_LENGTH}. Called from
 * generated code ({@link PostgresFunctionTable}).
 */
public final class StringFunctions {
    /**
     * The longest text LPAD, RPAD and REPEAT build, in characters. PostgreSQL stops at 1 GB; the
     * engine runs inside the application's heap, so a statement asking for a billion characters
     * gets 54000 instead of taking the JVM (and every other session) down with it.
     */
    static final int MAX_BUILT_LENGTH = 16 * 1024 * 1024;

    private StringFunctions() {
    }

    private static void checkBuiltLength(long characters) {
        if (characters > MAX_BUILT_LENGTH) {
            throw new BasaltException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "requested length too large: " + characters + " characters, at most " + MAX_BUILT_LENGTH);
        }
    }

    /** {@code LEFT(text, n)}: the first n characters; for a negative n, all but the last -n. */
    @Strict
    public static String left(String text, int n) {
        int count = length(text);
        return prefix(text, n >= 0 ? Math.min(n, count) : Math.max(0, count + n));
    }

    /** {@code RIGHT(text, n)}: the last n characters; for a negative n, all but the first -n. */
    @Strict
    public static String right(String text, int n) {
        int count = length(text);
        int keep = n >= 0 ? Math.min(n, count) : Math.max(0, count + n);
        return text.substring(text.offsetByCodePoints(0, count - keep));
    }

    @Strict
    public static String lpad(String text, int length) {
        return lpad(text, length, " ");
    }

    /**
     * {@code LPAD(text, length, fill)}: the text cut or filled on the left with repeats of fill to
     * {@code length} characters. A text longer than that loses its end, in LPAD as in RPAD.
     */
    @Strict
    public static String lpad(String text, int length, String fill) {
        return pad(text, length, fill, true);
    }

    @Strict
    public static String rpad(String text, int length) {
        return rpad(text, length, " ");
    }

    @Strict
    public static String rpad(String text, int length, String fill) {
        return pad(text, length, fill, false);
    }

    private static String pad(String text, int length, String fill, boolean left) {
        int count = length(text);
        if (length <= count || fill.isEmpty()) {
            return prefix(text, Math.max(0, Math.min(length, count)));
        }
        checkBuiltLength(length);
        StringBuilder padding = new StringBuilder();
        int fillCount = length(fill);
        for (int missing = length - count; missing > 0; missing -= fillCount) {
            padding.append(missing >= fillCount ? fill : prefix(fill, missing));
        }
        return left ? padding + text : text + padding;
    }

    @Strict
    public static String ltrim(String text) {
        return trim(text, " ", true, false);
    }

    /** {@code LTRIM(text, characters)}: the text without the longest start made only of those characters. */
    @Strict
    public static String ltrim(String text, String characters) {
        return trim(text, characters, true, false);
    }

    @Strict
    public static String rtrim(String text) {
        return trim(text, " ", false, true);
    }

    @Strict
    public static String rtrim(String text, String characters) {
        return trim(text, characters, false, true);
    }

    @Strict
    public static String btrim(String text) {
        return trim(text, " ", true, true);
    }

    @Strict
    public static String btrim(String text, String characters) {
        return trim(text, characters, true, true);
    }

    private static String trim(String text, String characters, boolean start, boolean end) {
        int from = 0;
        int to = text.length();
        while (start && from < to && characters.indexOf(text.codePointAt(from)) >= 0) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (end && to > from && characters.indexOf(text.codePointBefore(to)) >= 0) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        return text.substring(from, to);
    }

    /**
     * {@code SPLIT_PART(text, delimiter, n)}: the n-th field (from 1), or for a negative n the
     * -n-th from the end; '' when there is no such field. An empty delimiter makes the whole text
     * one field. Field 0 is an error (22023).
     */
    @Strict
    public static String splitPart(String text, String delimiter, int n) {
        if (n == 0) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (text.isEmpty()) {
            return "";
        }
        String[] fields = delimiter.isEmpty() ? new String[] {text}
                : text.split(java.util.regex.Pattern.quote(delimiter), -1);
        int index = n > 0 ? n - 1 : fields.length + n;
        return index >= 0 && index < fields.length ? fields[index] : "";
    }

    /** {@code STRPOS(text, search)} and {@code POSITION(search IN text)}: where search first starts (from 1), 0 if nowhere. */
    @Strict
    public static int position(String text, String search) {
        int index = text.indexOf(search);
        return index < 0 ? 0 : text.codePointCount(0, index) + 1;
    }

    /** {@code CHR(code)}: the character with that Unicode code point; 54000 for one UTF-8 text cannot hold, as in PostgreSQL. */
    @Strict
    public static String chr(int code) {
        if (code < 0) {
            throw new BasaltException(SqlState.PROGRAM_LIMIT_EXCEEDED, "character number must be positive");
        }
        if (code == 0) {
            throw new BasaltException(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code > Character.MAX_CODE_POINT) {
            throw new BasaltException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "requested character too large for encoding: " + code);
        }
        if (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE) {
            throw new BasaltException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "requested character not valid for encoding: " + code);
        }
        return Character.toString(code);
    }

    /** {@code REPEAT(text, n)}: the text n times; '' for n below 1. */
    @Strict
    public static String repeat(String text, int n) {
        if (n <= 0) {
            return "";
        }
        checkBuiltLength((long) length(text) * n);
        return text.repeat(n);
    }

    /** {@code REVERSE(text)}: the characters in reverse order (a surrogate pair stays one character). */
    @Strict
    public static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String prefix(String text, int characters) {
        return text.substring(0, text.offsetByCodePoints(0, characters));
    }
}
