package io.basalt.kv.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The DECIMAL key field: an order-preserving, normalised form of {@link BigDecimal}.
 *
 * <pre>
 * x &gt; 0, written as 0.d1 d2 ... dn * 10^E with d1 != 0 and dn != 0 (n &gt;= 1):
 *   42 [E: INTEGER layout, 1-9 bytes] [ceil(n/2) bytes: 1 + 10*d(2i-1) + d(2i)] 00
 *      an odd last digit is paired with 0; pair bytes are 01..64, so 00 ends the digits
 *   x = 0 (any scale): 41
 *   x &lt; 0: 40, then every byte that follows 42 in the encoding of |x|, complemented
 *
 *   1    = 0.1   * 10^1  -&gt; 42 2A 01 0B 00
 *   12.5 = 0.125 * 10^2  -&gt; 42 2A 02 0D 33 00
 *   0.01 = 0.1   * 10^-1 -&gt; 42 28 0B 00
 *   -1                   -&gt; 40 D5 FE F4 FF
 * </pre>
 *
 * <p>Why it sorts: among positives, a larger exponent means a larger value because the
 * mantissa 0.d1... lies in [0.1, 1); with equal exponents the digit pairs compare like the
 * digit strings, and the terminator 00 is below every pair byte, so 0.1 &lt; 0.101. Negatives
 * reuse the positive bytes complemented; that reverses their order because the positive
 * payload is prefix-free (it ends in a terminator that cannot occur inside it).
 *
 * <p>Normalisation (no leading or trailing zero digits) is what makes 1.0 and 1.00 one key.
 * Two digits per byte halves the size of one digit per byte (a 38-digit value takes 19 pair
 * bytes); the binary mantissa that the value codec stores was rejected because bytes of
 * two's-complement integers of different lengths do not compare like the numbers.
 */
final class KeyDecimals {
    private KeyDecimals() {
    }

    static void encode(BigDecimal value, KeyEncoder out) {
        int signum = value.signum();
        if (signum == 0) {
            out.put(KeyTags.DECIMAL_ZERO);
            return;
        }
        String digits = value.unscaledValue().abs().toString();
        int n = digits.length();
        // E counts the digits before the decimal point of the unstripped value; stripping
        // trailing zeros below does not move it.
        long exponent = (long) n - value.scale();
        while (digits.charAt(n - 1) == '0') {
            n--;
        }
        long normalisedScale = n - exponent;
        if (normalisedScale != (int) normalisedScale) {
            throw new IllegalArgumentException("Decimal exponent out of range for a key: 10^" + exponent);
        }
        out.put(signum > 0 ? KeyTags.DECIMAL_POSITIVE : KeyTags.DECIMAL_NEGATIVE);
        int payloadStart = out.position();
        out.putOrderedLong(exponent);
        for (int i = 0; i < n; i += 2) {
            int high = digits.charAt(i) - '0';
            int low = i + 1 < n ? digits.charAt(i + 1) - '0' : 0;
            out.put(1 + 10 * high + low);
        }
        out.put(0x00);
        if (signum < 0) {
            out.invertFrom(payloadStart);
        }
    }

    /** Reads the payload after {@code tag} (already unmasked) with the field's byte mask. */
    static BigDecimal decode(int tag, KeyDecoder in, int mask) {
        if (tag == KeyTags.DECIMAL_ZERO) {
            return BigDecimal.ZERO;
        }
        int payloadMask = tag == KeyTags.DECIMAL_NEGATIVE ? mask ^ 0xFF : mask;
        int start = in.position();
        long exponent = in.readOrderedLong(payloadMask);
        StringBuilder digits = new StringBuilder(16);
        int pair;
        while ((pair = in.readByte(payloadMask)) != 0x00) {
            if (pair > 100) {
                throw in.malformed("decimal digit byte " + pair + " out of range at offset " + (in.position() - 1));
            }
            digits.append((char) ('0' + (pair - 1) / 10)).append((char) ('0' + (pair - 1) % 10));
        }
        int n = digits.length();
        if (n == 0 || digits.charAt(0) == '0' || digits.charAt(n - 1) == '0' && digits.charAt(n - 2) == '0') {
            throw in.malformed("decimal mantissa not normalised at offset " + start);
        }
        if (digits.charAt(n - 1) == '0') {
            digits.setLength(--n);
        }
        long scale = n - exponent;
        if (scale != (int) scale) {
            throw in.malformed("decimal exponent out of range at offset " + start);
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        return new BigDecimal(tag == KeyTags.DECIMAL_NEGATIVE ? unscaled.negate() : unscaled, (int) scale);
    }
}
