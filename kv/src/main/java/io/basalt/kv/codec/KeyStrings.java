package io.basalt.kv.codec;

import java.io.ByteArrayOutputStream;

/**
 * The escaped, terminated byte strings behind the STRING and BYTES key fields.
 *
 * <pre>
 * [content, each 00 written as 00 FF] 00 01
 *   "a"     -&gt; 61 00 01            ("a" &lt; "a\0" &lt; "ab": 61 00 01 &lt; 61 00 FF 00 01 &lt; 61 62 00 01)
 *   "a\0b"  -&gt; 61 00 FF 62 00 01
 * </pre>
 *
 * <p>The terminator 00 01 is below every content continuation (a non-zero byte, or the 00 FF
 * of an escaped zero), so a string sorts before its extensions, and no escaped string is a
 * prefix of another. 00 followed by anything other than FF or 01 is malformed. STRING content
 * is UTF-8, whose byte order is code point order; it is produced here directly rather than
 * through {@code String.getBytes}, which would silently turn an unpaired surrogate into '?'
 * and so map two different strings to one key.
 */
final class KeyStrings {
    private static final int ESCAPE = 0x00;
    private static final int ESCAPED_ZERO = 0xFF;
    private static final int TERMINATOR = 0x01;

    private KeyStrings() {
    }

    static void putEscapedUtf8(String s, ByteSink out) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException("String has an unpaired surrogate at index " + i);
            }
            i += Character.charCount(cp);
            if (cp == 0) {
                out.put(ESCAPE);
                out.put(ESCAPED_ZERO);
            } else if (cp < 0x80) {
                out.put(cp);
            } else if (cp < 0x800) {
                out.put(0xC0 | cp >>> 6);
                out.put(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.put(0xE0 | cp >>> 12);
                out.put(0x80 | cp >>> 6 & 0x3F);
                out.put(0x80 | cp & 0x3F);
            } else {
                out.put(0xF0 | cp >>> 18);
                out.put(0x80 | cp >>> 12 & 0x3F);
                out.put(0x80 | cp >>> 6 & 0x3F);
                out.put(0x80 | cp & 0x3F);
            }
        }
        out.put(ESCAPE);
        out.put(TERMINATOR);
    }

    static void putEscaped(byte[] bytes, ByteSink out) {
        for (byte b : bytes) {
            out.put(b);
            if (b == 0) {
                out.put(ESCAPED_ZERO);
            }
        }
        out.put(ESCAPE);
        out.put(TERMINATOR);
    }

    /** Reads the content up to and including the terminator, unescaped. */
    static byte[] readEscaped(KeyDecoder in, int mask) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(16);
        int b;
        while ((b = in.readByte(mask)) != ESCAPE || !atTerminator(in, mask)) {
            content.write(b);
        }
        return content.toByteArray();
    }

    /** Advances past the terminator without building the content. */
    static void skipEscaped(KeyDecoder in, int mask) {
        while (in.readByte(mask) != ESCAPE || !atTerminator(in, mask)) {
            // only the position matters
        }
    }

    /** After an ESCAPE byte: true if it ended the string, false if it was an escaped zero. */
    private static boolean atTerminator(KeyDecoder in, int mask) {
        int next = in.readByte(mask);
        if (next == TERMINATOR) {
            return true;
        }
        if (next == ESCAPED_ZERO) {
            return false;
        }
        throw in.malformed("byte " + next + " after 00 in a string at offset " + (in.position() - 1));
    }
}
