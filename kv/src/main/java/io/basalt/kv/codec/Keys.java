package io.basalt.kv.codec;

import java.util.Arrays;
import java.util.HexFormat;

/** Static helpers over encoded keys. */
public final class Keys {
    private Keys() {
    }

    /**
     * The smallest byte string greater than every string that starts with {@code prefix}: the
     * exclusive upper bound of a prefix scan.
     *
     * <p>Trailing FF bytes are dropped and the last remaining byte is incremented: "61 FF" gives
     * "62". Returns null, meaning "no upper bound", for an empty or all-FF prefix, since no
     * finite byte string is greater than all of their extensions.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        int last = prefix.length - 1;
        while (last >= 0 && prefix[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        byte[] end = Arrays.copyOf(prefix, last + 1);
        end[last]++;
        return end;
    }

    /**
     * Renders a tuple key for DEBUG logs and test failures, e.g. {@code /3/"abc"/12/NULL}. A
     * descending field is marked {@code (desc)}; its direction is read off its tag, since every
     * descending tag is at least 0x80. Whatever does not decode (an MVCC suffix, a corrupt
     * byte) is shown as hex after {@code /?}.
     *
     * <p>The output contains key values in clear, so it must not be logged at INFO or above
     * (STYLE 7); production logs use a redacting formatter.
     */
    public static String toDebugString(byte[] key) {
        StringBuilder out = new StringBuilder();
        KeyDecoder decoder = new KeyDecoder(key);
        while (decoder.hasRemaining()) {
            int fieldStart = decoder.position();
            boolean descending = (key[fieldStart] & 0xFF) >= KeyTags.FIRST_DESCENDING_TAG;
            Object value;
            try {
                value = decoder.readValue(descending ? SortOrder.DESCENDING : SortOrder.ASCENDING);
            } catch (IllegalArgumentException e) {
                out.append("/?").append(HexFormat.of().formatHex(key, fieldStart, key.length));
                break;
            }
            out.append('/');
            appendValue(out, value);
            if (descending) {
                out.append("(desc)");
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("NULL");
        } else if (value instanceof String) {
            appendQuoted(out, (String) value);
        } else if (value instanceof byte[]) {
            out.append("x'").append(HexFormat.of().formatHex((byte[]) value)).append('\'');
        } else {
            out.append(value);
        }
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
