package io.basalt.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The functions of SCRAM-SHA-256 (RFC 5802 section 3, RFC 7677), on the JDK's own primitives. Both
 * ends need them: the driver to prove it knows the password, the server to check the proof against a
 * stored {@link ScramVerifier} and to sign its answer. See docs/design/0006-wire-protocol.md.
 *
 * <p>{@code Hi} is PBKDF2 with HMAC-SHA-256 and a 32-byte output, which is what the JDK's
 * {@code PBKDF2WithHmacSHA256} computes. Passwords are normalised with NFKC, an approximation of
 * SASLprep (RFC 4013) that agrees with it on ASCII; both ends use this class, so they always agree.
 */
public final class ScramSha256 {
    public static final String MECHANISM = "SCRAM-SHA-256";
    /** RFC 7677's minimum and PostgreSQL's default. */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** Bounds for iteration counts we accept from the other side: a server could otherwise make a client spin. */
    public static final int MIN_ITERATIONS = 4096;
    public static final int MAX_ITERATIONS = 1_000_000;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramSha256() {
    }

    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        PBEKeySpec spec = new PBEKeySpec(normalized.toCharArray(), salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    public static byte[] clientKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Client Key");
    }

    public static byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Server Key");
    }

    public static byte[] storedKey(byte[] clientKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(clientKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** {@code ClientKey XOR HMAC(StoredKey, AuthMessage)}. */
    public static byte[] clientProof(byte[] clientKey, byte[] storedKey, String authMessage) {
        return xor(clientKey, hmac(storedKey, authMessage));
    }

    /** {@code HMAC(ServerKey, AuthMessage)}. */
    public static byte[] serverSignature(byte[] serverKey, String authMessage) {
        return hmac(serverKey, authMessage);
    }

    /**
     * Whether {@code proof} shows knowledge of the password behind {@code storedKey}: recovers the
     * client key from the proof and compares its hash with the stored key in constant time.
     */
    public static boolean verifyProof(byte[] proof, byte[] storedKey, String authMessage) {
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != signature.length) {
            return false;
        }
        return MessageDigest.isEqual(storedKey(xor(proof, signature)), storedKey);
    }

    public static byte[] xor(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("xor of " + a.length + " and " + b.length + " bytes");
        }
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    /** A printable nonce (base64 of 18 random bytes: no commas, as the attribute syntax needs). */
    public static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
