package io.basalt.kv.codec;

/**
 * Direction of one key field.
 *
 * <p>A DESCENDING field is its ASCENDING encoding with every byte complemented (tag included).
 * That reverses the order only because every ascending field encoding is prefix-free: two
 * different encodings then differ at some byte inside both, and complementing that byte flips
 * the comparison. (If "ab" could be a prefix of "abc", complementing would keep "ab" first.)
 */
public enum SortOrder {
    ASCENDING(0x00),
    DESCENDING(0xFF);

    private final int mask;

    SortOrder(int mask) {
        this.mask = mask;
    }

    /** The XOR mask applied to every byte of a field in this order: 0x00 or 0xFF. */
    int mask() {
        return mask;
    }
}
