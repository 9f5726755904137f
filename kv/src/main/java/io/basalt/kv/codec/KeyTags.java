package io.basalt.kv.codec;

/**
 * Tag bytes of ascending key fields; the full layout is drawn on {@link KeyEncoder}.
 *
 * <p>These values are stored on disk: changing one silently reorders or corrupts every
 * existing key. {@code KeyLayoutTest} pins them.
 *
 * <p>Why these numbers: the order of the families (NULL first, then booleans, numbers,
 * strings, bytes, temporal types) decides how values of different families sort, which only
 * matters for NULL (it must sort first) because a column never mixes families. The gaps
 * between families are arbitrary; they let a future family (UUID, INTERVAL) take a tag in the
 * place where it should sort without renumbering anything. Every ascending tag lies in
 * 0x05..0x72, so every descending tag lies in 0x8D..0xFA: a tag alone tells the direction of
 * its field (used by {@link Keys#toDebugString}), and 0x00 and 0xFF never start a field, so a
 * caller can append either to a prefix to get a bound below or above every field.
 */
final class KeyTags {
    static final int NULL = 0x05;
    static final int FALSE = 0x10;
    static final int TRUE = 0x11;

    /**
     * Integers use 18 tags, INT_ZERO - 9 .. INT_ZERO + 8: INT_ZERO + n for a non-negative
     * value of n significant bytes, INT_ZERO - 1 - m for a negative value x whose complement
     * ~x has m significant bytes. See {@link KeyEncoder#putOrderedLong}.
     */
    static final int INT_ZERO = 0x29;
    static final int INT_MIN = INT_ZERO - 9;
    static final int INT_MAX = INT_ZERO + 8;

    static final int DECIMAL_NEGATIVE = 0x40;
    static final int DECIMAL_ZERO = 0x41;
    static final int DECIMAL_POSITIVE = 0x42;
    static final int DOUBLE = 0x50;
    static final int STRING = 0x60;
    static final int BYTES = 0x61;
    static final int DATE = 0x70;
    static final int TIME = 0x71;
    static final int TIMESTAMP = 0x72;

    /** Tags 0x00..0x7F are ascending; their complements 0x80..0xFF are descending. */
    static final int FIRST_DESCENDING_TAG = 0x80;

    private static final KeyType[] TYPE_BY_TAG = new KeyType[256];

    static {
        TYPE_BY_TAG[NULL] = KeyType.NULL;
        TYPE_BY_TAG[FALSE] = KeyType.BOOLEAN;
        TYPE_BY_TAG[TRUE] = KeyType.BOOLEAN;
        for (int tag = INT_MIN; tag <= INT_MAX; tag++) {
            TYPE_BY_TAG[tag] = KeyType.INTEGER;
        }
        TYPE_BY_TAG[DECIMAL_NEGATIVE] = KeyType.DECIMAL;
        TYPE_BY_TAG[DECIMAL_ZERO] = KeyType.DECIMAL;
        TYPE_BY_TAG[DECIMAL_POSITIVE] = KeyType.DECIMAL;
        TYPE_BY_TAG[DOUBLE] = KeyType.DOUBLE;
        TYPE_BY_TAG[STRING] = KeyType.STRING;
        TYPE_BY_TAG[BYTES] = KeyType.BYTES;
        TYPE_BY_TAG[DATE] = KeyType.DATE;
        TYPE_BY_TAG[TIME] = KeyType.TIME;
        TYPE_BY_TAG[TIMESTAMP] = KeyType.TIMESTAMP;
    }

    private KeyTags() {
    }

    /** The family of an ascending tag (0..255), or null if no field starts with it. */
    static KeyType typeOf(int tag) {
        return TYPE_BY_TAG[tag];
    }
}
